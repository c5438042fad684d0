package dev.samplinglab.engine.generate;

/** Picks the next token of one batch row from its logits. */
@FunctionalInterface
public interface RowSampler {
    /**
     * @param row batch row
     * @param step 0-based step of generation
     * @param logits next-token logits [vocab] (do not modify)
     * @param context the row's tokens so far (prompt + generated, no padding)
     */
    int pick(int row, int step, float[] logits, int[] context);

    /** Argmax, ties to the lowest id. */
    static RowSampler greedy() {
        return (row, step, logits, context) -> {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        };
    }
}
