package dev.samplinglab.engine.generate.beam;

/**
 * A finished sequence.
 *
 * @param tokens the generated tokens, including the EOS that ended it if any
 * @param sumLogProbs cumulative log-probability (the "raw" score)
 * @param score {@code sumLogProbs / tokens.length ** length_penalty}
 * @param step the step at which it finished
 * @param parent the beam slot it came from at that step
 * @param eos whether it ended with EOS (otherwise at the length limit)
 * @param path the log-probability and entropy behind each token
 */
public record Hypothesis(
        int[] tokens,
        double sumLogProbs,
        double score,
        int step,
        int parent,
        boolean eos,
        TokenPath path) {

    public int length() {
        return tokens.length;
    }
}
