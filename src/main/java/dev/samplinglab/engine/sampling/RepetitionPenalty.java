package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * Repetition penalty of CTRL (Keskar et al. 2019, https://arxiv.org/abs/1909.05858) as Hugging
 * Face's {@code RepetitionPenaltyLogitsProcessor} applies it: for every distinct token of the
 * context (within the window), a positive logit is divided by θ and a negative one multiplied by θ,
 * so θ &gt; 1 always makes repeats less likely. θ = 1 means off.
 */
public final class RepetitionPenalty extends DescribedStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private static final ParameterRange RANGE =
            new ParameterRange(
                    "repetition penalty",
                    "> 0 and finite",
                    t -> t > 0 && !Double.isInfinite(t),
                    "1 = off");
    private static final ParameterRange WINDOW =
            new ParameterRange("penalty window", ">= 0", w -> w >= 0, "0 = whole context");

    private final double theta;
    private final int window;

    public RepetitionPenalty(double theta, int window) {
        super(StageKind.REPETITION_PENALTY, Map.of("penalty", theta, "window", window));
        this.theta = validate(theta);
        this.window = validateWindow(window);
    }

    public static double validate(double theta) {
        return RANGE.check(theta);
    }

    /** Window 0 = the whole context. */
    public static int validateWindow(int window) {
        return WINDOW.check(window);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        return ContextCounts.of(context, window, in.vocabSize())
                .penalize(in, (logit, count) -> logit > 0 ? logit / theta : logit * theta);
    }
}
