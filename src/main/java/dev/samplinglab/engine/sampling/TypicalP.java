package dev.samplinglab.engine.sampling;

import java.util.Map;
import java.util.stream.IntStream;

/**
 * Locally typical sampling (Meister et al. 2022, https://arxiv.org/abs/2202.00666; Hugging Face
 * {@code TypicalLogitsWarper}, llama.cpp {@code typical}): rank tokens by how close their surprisal
 * -ln p is to the entropy H of the distribution, then keep the closest ones until their cumulative
 * probability reaches {@code mass} (the token that reaches it is kept, as in llama.cpp). Equal
 * distances are ordered by the lower id; at least one token is kept. 1 means off.
 */
public final class TypicalP extends DescribedStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private static final ParameterRange RANGE =
            new ParameterRange("typical-p", "in (0, 1]", m -> m > 0 && m <= 1, "1 = off");

    private final double mass;

    public TypicalP(double mass) {
        super(StageKind.TYPICAL_P, Map.of("typical_p", mass));
        this.mass = validate(mass);
    }

    public static double validate(double mass) {
        return RANGE.check(mass);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        double[] probs = in.probsAtPositions();
        double entropyNats = in.entropyBits() * Math.log(2);
        // keyed by position in the support; the support is ascending, so lower position = lower id
        double[] closeness = new double[probs.length]; // -|surprisal - H|, larger = more typical
        for (int i = 0; i < probs.length; i++) {
            closeness[i] = -Math.abs(-Math.log(probs[i]) - entropyNats);
        }
        int[] order =
                TokenOrder.sortDescending(IntStream.range(0, probs.length).toArray(), closeness);
        double before = 0;
        int keep = 0;
        while (keep < order.length && before < mass - TopP.TOLERANCE) {
            before += probs[order[keep]];
            keep++;
        }
        int crossing = before >= mass - TopP.TOLERANCE ? in.support[order[keep - 1]] : -1;
        int[] kept = new int[keep];
        for (int i = 0; i < keep; i++) {
            kept[i] = in.support[order[i]];
        }
        return new StageResult(in.restrictTo(TokenOrder.ascendingCopy(kept)), crossing, null);
    }
}
