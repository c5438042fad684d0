package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.sampling.StepTrace;

/**
 * One decoding step as the session recorded it.
 *
 * @param index 0-based step number (the coin of this step is a function of it)
 * @param tokenId the token appended
 * @param piece its display piece
 * @param trace what the sampling pipeline did (full arrays only on the latest step)
 * @param forced whether the token was chosen by the user (branch) instead of the picker
 * @param millis time of the step: sampling plus the forward pass of the new token
 * @param cacheLength KV cache positions after the step
 */
public record StepRecord(
        int index,
        int tokenId,
        String piece,
        StepTrace trace,
        boolean forced,
        double millis,
        int cacheLength) {

    StepRecord withoutFullArrays() {
        return new StepRecord(
                index, tokenId, piece, trace.withoutFullArrays(), forced, millis, cacheLength);
    }
}
