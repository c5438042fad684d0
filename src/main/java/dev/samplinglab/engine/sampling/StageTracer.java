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
    private Distribution previous; // the distribution of the last traced stage
    private int[] previousRanks;

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
        int[] ranks;
        if (out == previous) {
            ranks = previousRanks.clone(); // "final" after the last stage
        } else if (previous != null && out.parent == previous) {
            ranks = ranksAfterChanges(out);
        } else {
            ranks = ranks(out);
        }
        return build(kind, name, params, out, keptMass, crossingId, cumulative, ranks);
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
        previous = out;
        previousRanks = ranks;
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
     * Ranks after a stage that changed only a few logits (the penalties) on the same kept set: a
     * display token whose logit did not change moves only by the changed tokens that passed it;
     * changed display tokens are ranked with one pass.
     */
    private int[] ranksAfterChanges(Distribution out) {
        Distribution in = previous;
        int[] changed = out.changedIds;
        int[] ranks = previousRanks.clone();
        int[] changedDisplay =
                Arrays.stream(displayIds)
                        .filter(id -> Arrays.binarySearch(changed, id) >= 0)
                        .toArray();
        for (int i = 0; i < displayIds.length; i++) {
            int t = displayIds[i];
            if (!out.isKept(t) || Arrays.binarySearch(changed, t) >= 0) {
                continue; // dropped ranks depend on the kept set only; changed ones below
            }
            for (int c : changed) {
                ranks[i] -= TokenOrder.before(in.logits, c, t) ? 1 : 0;
                ranks[i] += TokenOrder.before(out.logits, c, t) ? 1 : 0;
            }
        }
        int[] sorted = TokenOrder.sortDescending(changedDisplay, out.logits);
        double[] ahead = TokenOrder.ahead(out, sorted, false);
        for (int i = 0; i < displayIds.length; i++) {
            int pos = TokenOrder.positionIn(sorted, out.logits, displayIds[i]);
            if (pos >= 0) {
                ranks[i] = (int) ahead[pos];
            }
        }
        return ranks;
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
