package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * Min-p filtering (Nguyen et al. 2024, https://arxiv.org/abs/2407.01082): keep every token whose
 * probability is at least {@code minP} times the probability of the most probable token, so the cut
 * adapts to how confident the model is. The most probable token always survives. Ratios are
 * compared with a relative tolerance of 1e-12 so that exact ratios (0.25 vs 0.5 x 0.5) are kept
 * regardless of rounding. 0 means off.
 */
public final class MinP extends DescribedStage {
    /** The neutral value. */
    public static final double OFF = 0.0;

    private static final ParameterRange RANGE =
            new ParameterRange("min-p", "in [0, 1]", m -> m >= 0 && m <= 1, "0 = off");

    private final double minP;

    public MinP(double minP) {
        super(StageKind.MIN_P, Map.of("min_p", minP));
        this.minP = validate(minP);
    }

    public static double validate(double minP) {
        return RANGE.check(minP);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        double[] probs = in.probsAtPositions();
        double max = 0;
        for (double p : probs) {
            max = Math.max(max, p);
        }
        double threshold = minP * max * (1 - 1e-12);
        int[] kept = new int[probs.length];
        int n = 0;
        for (int i = 0; i < probs.length; i++) {
            if (probs[i] >= threshold) {
                kept[n++] = in.support[i];
            }
        }
        return StageResult.of(in.restrictTo(java.util.Arrays.copyOf(kept, n)));
    }
}
