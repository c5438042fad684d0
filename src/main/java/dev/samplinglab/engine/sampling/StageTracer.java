package dev.samplinglab.engine.sampling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** Builds the {@link StageTrace} of one stage over the step's display tokens. */
final class StageTracer {
    private final int[] displayIds;
    private final String[] pieces;

    StageTracer(int[] displayIds, IntFunction<String> piece) {
        this.displayIds = displayIds;
        this.pieces = new String[displayIds.length];
        for (int i = 0; i < displayIds.length; i++) {
            pieces[i] = piece.apply(displayIds[i]);
        }
    }

    /** The "raw" pseudo stage: the display ids are its top-N, so their ranks are 0..N-1. */
    StageTrace traceRaw(Distribution raw) {
        int[] ranks = new int[displayIds.length];
        Arrays.setAll(ranks, i -> i);
        return build(null, "raw", Map.of(), raw, 1.0, -1, null, ranks);
    }

    StageTrace trace(
            StageKind kind,
            String name,
            Map<String, Object> params,
            Distribution out,
            double keptMass,
            int crossingId,
            CumulativeSums cumulative) {
        return build(kind, name, params, out, keptMass, crossingId, cumulative, ranks(out));
    }

    private StageTrace build(
            StageKind kind,
            String name,
            Map<String, Object> params,
            Distribution out,
            double keptMass,
            int crossingId,
            CumulativeSums cumulative,
            int[] ranks) {
        double[] cumulatives = cumulative == null ? null : cumulative.of(displayIds);
        List<Candidate> candidates = new ArrayList<>(displayIds.length);
        double shown = 0;
        for (int i = 0; i < displayIds.length; i++) {
            int id = displayIds[i];
            int pos = out.indexOf(id);
            boolean kept = pos >= 0;
            double prob = kept ? out.probAt(pos) : 0;
            shown += prob;
            float logit = kept ? (float) out.logits[id] : Float.NEGATIVE_INFINITY;
            double cum = cumulatives == null ? Double.NaN : cumulatives[i];
            candidates.add(new Candidate(id, pieces[i], logit, prob, kept, ranks[i], cum));
        }
        double rest = Math.max(0, 1 - shown);
        return new StageTrace(
                kind, name, params, out.keptCount(), keptMass, candidates, rest, crossingId);
    }

    /**
     * 0-based rank of each display token in {@code d}'s descending order (ties by id); dropped
     * tokens follow all kept ones, by id. One pass over the support: tokens ranked below every kept
     * display token cost a single comparison.
     */
    int[] ranks(Distribution d) {
        int[] ranks = new int[displayIds.length];
        int[] keptDisplay = Arrays.stream(displayIds).filter(id -> d.indexOf(id) >= 0).toArray();
        int[] sorted = TokenOrder.sortDescending(keptDisplay, d.logits);
        double[] ahead = TokenOrder.ahead(d, sorted, false);
        for (int i = 0; i < displayIds.length; i++) {
            int id = displayIds[i];
            if (d.indexOf(id) >= 0) {
                ranks[i] = (int) ahead[TokenOrder.positionIn(sorted, d.logits, id)];
            } else {
                int keptBelow = -Arrays.binarySearch(d.support, id) - 1;
                ranks[i] = d.keptCount() + (id - keptBelow);
            }
        }
        return ranks;
    }
}
