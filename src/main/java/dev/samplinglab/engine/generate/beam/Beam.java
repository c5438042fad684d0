package dev.samplinglab.engine.generate.beam;

/**
 * A running beam after a step.
 *
 * @param slot its row (and cache row) 0..num_beams-1
 * @param parent the slot it continued before this step (-1 before the first step)
 * @param token the token it added (-1 before the first step)
 * @param tokenLogProb log-probability of that token
 * @param score cumulative log-probability of the generated tokens
 * @param tokens the generated tokens (prompt excluded)
 * @param path the log-probability and entropy behind each generated token
 */
public record Beam(
        int slot,
        int parent,
        int token,
        double tokenLogProb,
        double score,
        int[] tokens,
        TokenPath path) {

    public int length() {
        return tokens.length;
    }
}
