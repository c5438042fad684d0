package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Arrays;
import java.util.Map;

/**
 * Repetition penalty of CTRL (Keskar et al. 2019, https://arxiv.org/abs/1909.05858) as Hugging
 * Face's {@code RepetitionPenaltyLogitsProcessor} applies it: for every distinct token of the
 * context (within the window), a positive logit is divided by θ and a negative one multiplied by θ,
 * so θ &gt; 1 always makes repeats less likely. θ = 1 means off.
 */
public final class RepetitionPenalty implements SamplingStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private final double theta;
    private final int window;

    public RepetitionPenalty(double theta, int window) {
        this.theta = validate(theta);
        this.window = validateWindow(window);
    }

    public static double validate(double theta) {
        if (!(theta > 0) || Double.isInfinite(theta)) {
            throw new BadInputException(
                    "repetition penalty must be > 0 and finite, 1 = off (got " + theta + ")");
        }
        return theta;
    }

    /** Window 0 = the whole context. */
    public static int validateWindow(int window) {
        if (window < 0) {
            throw new BadInputException(
                    "penalty window must be >= 0, 0 = whole context (got " + window + ")");
        }
        return window;
    }

    @Override
    public StageKind kind() {
        return StageKind.REPETITION_PENALTY;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("penalty", theta, "window", window);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        ContextCounts counts = ContextCounts.of(context, window, in.vocabSize());
        int[] ids = new int[counts.ids().length];
        double[] values = new double[ids.length];
        int n = 0;
        for (int id : counts.ids()) {
            if (in.isKept(id)) {
                double logit = in.logits[id];
                ids[n] = id;
                values[n++] = logit > 0 ? logit / theta : logit * theta;
            }
        }
        return StageResult.of(in.withChanged(Arrays.copyOf(ids, n), Arrays.copyOf(values, n)));
    }
}
