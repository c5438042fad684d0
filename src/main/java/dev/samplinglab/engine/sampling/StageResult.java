package dev.samplinglab.engine.sampling;

/**
 * The output of one stage.
 *
 * @param out the distribution after the stage
 * @param crossingId top-p / typical-p: the token whose cumulative sum reaches the threshold, -1
 *     otherwise
 * @param cumulative top-p only: cumulative input probability up to and including a token in the
 *     stage's sorted order; {@code null} for other stages
 */
public record StageResult(Distribution out, int crossingId, CumulativeSums cumulative) {

    static StageResult of(Distribution out) {
        return new StageResult(out, -1, null);
    }
}
