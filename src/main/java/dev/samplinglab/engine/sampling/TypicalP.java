package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * Locally typical sampling (Meister et al. 2022, https://arxiv.org/abs/2202.00666; Hugging Face
 * {@code TypicalLogitsWarper}, llama.cpp {@code typical}): rank tokens by how close their surprisal
 * -ln p is to the entropy H of the distribution, then keep the closest ones until their cumulative
 * probability reaches {@code mass} (the token that reaches it is kept, as in llama.cpp). Equal
 * distances are ordered by the lower id; at least one token is kept. 1 means off.
 */
public final class TypicalP implements SamplingStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private final double mass;

    public TypicalP(double mass) {
        this.mass = validate(mass);
    }

    public static double validate(double mass) {
        if (!(mass > 0 && mass <= 1)) {
            throw new IllegalArgumentException(
                    "typical-p must be in (0, 1], 1 = off (got " + mass + ")");
        }
        return mass;
    }

    @Override
    public StageKind kind() {
        return StageKind.TYPICAL_P;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("typical_p", mass);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        double[] probs = in.probsAtPositions();
        double entropyNats = in.entropyBits() * Math.log(2);
        double[] closeness = new double[in.vocabSize()]; // -|surprisal - H|, larger = more typical
        for (int i = 0; i < probs.length; i++) {
            closeness[in.support[i]] = -Math.abs(-Math.log(probs[i]) - entropyNats);
        }
        int[] sorted = TokenOrder.sortDescending(in.support, closeness);
        double before = 0;
        int keep = 0;
        int crossing = -1;
        while (keep < sorted.length && before < mass - TopP.TOLERANCE) {
            before += probs[in.indexOf(sorted[keep])];
            keep++;
        }
        if (before >= mass - TopP.TOLERANCE) {
            crossing = sorted[keep - 1];
        }
        int[] kept = java.util.Arrays.copyOf(sorted, keep);
        return new StageResult(in.restrictTo(TokenOrder.ascendingCopy(kept)), crossing, null);
    }
}
