package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * log p(next token) at every position of equal-length rows, taken from logits [rows, t, vocab]
 * inside the caller's scope (log-softmax, then a gather of each row's next id).
 */
final class NextTokenLogProbs {
    private NextTokenLogProbs() {}

    /** [rows][t - 1]: entry i is log p(rows[r][i + 1] | rows[r][0..i]). */
    static float[][] of(NDArray logits, int[][] rows) {
        int n = rows.length;
        int t = rows[0].length;
        long[] targets = new long[n * (t - 1)];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < t - 1; i++) {
                targets[r * (t - 1) + i] = rows[r][i + 1];
            }
        }
        NDManager m = logits.getManager();
        NDArray predicting = logits.get(new NDIndex(":, :-1, :")).logSoftmax(2);
        float[] flat =
                predicting.gather(m.create(targets, new Shape(n, t - 1, 1)), 2).toFloatArray();
        float[][] out = new float[n][t - 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(flat, r * (t - 1), out[r], 0, t - 1);
        }
        return out;
    }
}
