package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Map;

/**
 * Top-k filtering (Fan, Lewis and Dauphin 2018, https://arxiv.org/abs/1805.04833): keep exactly the
 * k most probable kept tokens. Ties at the cut are broken by token id, the lower id wins, so the
 * kept set always has exactly min(k, kept) tokens (Hugging Face keeps every token tied with the
 * k-th; llama.cpp's partial sort leaves it unspecified). k = 0 means off.
 */
public final class TopK implements SamplingStage {
    /** The neutral value. */
    public static final int OFF = 0;

    private final int k;

    public TopK(int k) {
        this.k = validate(k);
    }

    public static int validate(int k) {
        if (k < 0) {
            throw new BadInputException("top-k must be >= 0, 0 = off (got " + k + ")");
        }
        return k;
    }

    @Override
    public StageKind kind() {
        return StageKind.TOP_K;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("k", k);
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
