package dev.samplinglab.engine.generate.beam;

/**
 * One of the top 2·num_beams continuations of a step, ranked over all beams by cumulative
 * log-probability.
 *
 * @param rank 0 = best
 * @param parent the running beam (its slot before the step) it extends
 * @param token the new token
 * @param tokenLogProb log p(token | parent's sequence), after any n-gram ban
 * @param score the parent's cumulative log-probability plus {@code tokenLogProb}
 * @param fate kept, pruned, finished, ...
 * @param slot the beam slot it occupies after the step when kept, else -1
 * @param finishedScore the length-penalised score when it ended, else NaN
 */
public record BeamCandidate(
        int rank,
        int parent,
        int token,
        double tokenLogProb,
        double score,
        Fate fate,
        int slot,
        double finishedScore) {}
