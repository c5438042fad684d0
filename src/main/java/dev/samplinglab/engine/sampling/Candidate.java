package dev.samplinglab.engine.sampling;

/**
 * One displayed token as one stage saw it.
 *
 * @param id token id
 * @param piece display piece (space, newline and tab made visible)
 * @param logit the logit after this stage (-infinity when masked)
 * @param prob probability after this stage, normalized over the FULL vocabulary (0 when dropped)
 * @param kept whether the token survives this stage
 * @param rank 0-based rank in this stage's descending-probability order (ties by id)
 * @param cumulative top-p only: cumulative probability up to and including this token in the
 *     stage's sorted order; NaN for other stages
 */
public record Candidate(
        int id,
        String piece,
        float logit,
        double prob,
        boolean kept,
        int rank,
        double cumulative) {}
