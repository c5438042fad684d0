package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Inputs and outputs shared by the decoders: token ids in, causal masks, logits out. */
final class Logits {
    private Logits() {}

    /** Token ids [batch][t] (equal lengths, each in 0..vocab-1) as an int64 array [B, T]. */
    static NDArray tokenArray(NDManager m, int[][] tokens, int vocab) {
        int batch = tokens.length;
        int t = tokens[0].length;
        long[] flat = new long[batch * t];
        for (int r = 0; r < batch; r++) {
            if (tokens[r].length != t) {
                throw new IllegalArgumentException("all rows must have the same length");
            }
            for (int i = 0; i < t; i++) {
                int id = tokens[r][i];
                if (id < 0 || id >= vocab) {
                    throw new IllegalArgumentException(
                            "token id %d outside the vocabulary 0..%d".formatted(id, vocab - 1));
                }
                flat[r * t + i] = id;
            }
        }
        return m.create(flat, new Shape(batch, t));
    }

    /**
     * Additive mask [B, 1, 1, T, start+T]: causal, plus left padding; null when nothing is masked.
     */
    static NDArray causalMask(
            NDManager m, int batch, int t, int start, int[] padding, float masked) {
        boolean padded = padding != null && java.util.Arrays.stream(padding).anyMatch(p -> p > 0);
        if (t == 1 && !padded) {
            return null;
        }
        int keys = start + t;
        float[] mask = new float[batch * t * keys];
        for (int r = 0; r < batch; r++) {
            int pad = padding == null ? 0 : padding[r];
            for (int i = 0; i < t; i++) {
                for (int j = 0; j < keys; j++) {
                    boolean visible = j <= start + i && j >= pad;
                    mask[(r * t + i) * keys + j] = visible ? 0f : masked;
                }
            }
        }
        return m.create(mask, new Shape(batch, 1, 1, t, keys));
    }

    /** Logits [..., vocab] as rows of float, refusing NaN and +inf (overflowing weights). */
    static float[][] toRows(NDArray logits) {
        Shape shape = logits.getShape();
        int cols = (int) shape.get(shape.dimension() - 1);
        int rows = (int) (shape.size() / cols);
        float[] flat = logits.toFloatArray();
        for (float v : flat) {
            if (Float.isNaN(v) || v == Float.POSITIVE_INFINITY) {
                throw new NonFiniteLogitsException(
                        "the model produced a non-finite logit (%s): its weights overflow in fp32 or the engine has a bug"
                                .formatted(v));
            }
        }
        float[][] out = new float[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * cols, out[r], 0, cols);
        }
        return out;
    }
}
