package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * Top-k filtering (Fan, Lewis and Dauphin 2018, https://arxiv.org/abs/1805.04833): keep exactly the
 * k most probable kept tokens. Ties at the cut are broken by token id, the lower id wins, so the
 * kept set always has exactly min(k, kept) tokens (Hugging Face keeps every token tied with the
 * k-th; llama.cpp's partial sort leaves it unspecified). k = 0 means off.
 */
public final class TopK extends DescribedStage {
    /** The neutral value. */
    public static final int OFF = 0;

    private static final ParameterRange RANGE =
            new ParameterRange("top-k", ">= 0", k -> k >= 0, "0 = off");

    private final int k;

    public TopK(int k) {
        super(StageKind.TOP_K, Map.of("k", k));
        this.k = validate(k);
    }

    public static int validate(int k) {
        return RANGE.check(k);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        if (k == OFF || k >= in.keptCount()) {
            return StageResult.of(in);
        }
        int[] ids = in.keptCount() == in.vocabSize() ? null : in.support; // null = every id
        int[] top = TokenOrder.top(ids, in.logits, k);
        return StageResult.of(in.restrictTo(TokenOrder.ascendingCopy(top)));
    }
}
