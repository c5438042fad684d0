package dev.samplinglab.app.common;

import dev.samplinglab.engine.generate.StepRecord;
import dev.samplinglab.engine.sampling.StepTrace;

/**
 * One decoded step as the window shows it (mirrors the engine's StepRecord).
 *
 * @param index 0-based step number after the prompt
 * @param tokenId the token taken
 * @param piece its display piece
 * @param trace what every stage did
 * @param forced whether the token was chosen by the user (a branch) rather than the coin
 * @param millis wall time of the model step and the pipeline
 * @param cacheLength KV-cache length after the step
 */
public record StepResult(
        int index,
        int tokenId,
        String piece,
        StepTrace trace,
        boolean forced,
        double millis,
        int cacheLength) {

    /** The window's view of an engine step. */
    public static StepResult of(StepRecord r) {
        return new StepResult(
                r.index(),
                r.tokenId(),
                r.piece(),
                r.trace(),
                r.forced(),
                r.millis(),
                r.cacheLength());
    }
}
