package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Arrays;

/**
 * How often each token occurs in the penalty window: the last {@code window} context tokens, or the
 * whole context when the window is 0 (llama.cpp's {@code penalty_last_n}).
 *
 * @param ids distinct token ids, ascending
 * @param counts occurrences of each id in the window
 */
record ContextCounts(int[] ids, int[] counts) {

    static ContextCounts of(int[] context, int window, int vocabSize) {
        int from = window == 0 ? 0 : Math.max(0, context.length - window);
        int[] sorted = Arrays.copyOfRange(context, from, context.length);
        Arrays.sort(sorted);
        int[] ids = new int[sorted.length];
        int[] counts = new int[sorted.length];
        int n = 0;
        for (int i = 0; i < sorted.length; i++) {
            int id = sorted[i];
            if (id < 0 || id >= vocabSize) {
                throw new BadInputException(
                        "context id " + id + " is outside the vocabulary [0, " + vocabSize + ")");
            }
            if (n > 0 && ids[n - 1] == id) {
                counts[n - 1]++;
            } else {
                ids[n] = id;
                counts[n++] = 1;
            }
        }
        return new ContextCounts(Arrays.copyOf(ids, n), Arrays.copyOf(counts, n));
    }

    /** A penalty: the new logit of a token seen {@code count} times in the window. */
    @FunctionalInterface
    interface Penalty {
        double apply(double logit, int count);
    }

    /**
     * {@code in} with the logit of every kept token of the window changed by {@code penalty};
     * tokens outside the window, or already dropped, keep theirs.
     */
    StageResult penalize(Distribution in, Penalty penalty) {
        int[] changed = new int[ids.length];
        double[] values = new double[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            if (in.isKept(id)) {
                changed[n] = id;
                values[n++] = penalty.apply(in.logits[id], counts[i]);
            }
        }
        return StageResult.of(in.withChanged(Arrays.copyOf(changed, n), Arrays.copyOf(values, n)));
    }
}
