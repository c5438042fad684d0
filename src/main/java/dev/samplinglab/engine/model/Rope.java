package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings in Hugging Face's rotate_half convention: dimension j of a head is
 * rotated with dimension j + d/2 by the angle position · inv_freq[j mod d/2], {@code x * cos +
 * rotate_half(x) * sin} with {@code rotate_half(x) = [-x2, x1]}. HF checkpoints permute q_proj and
 * k_proj rows for this convention, so llama2.c's interleaved pairs (2i, 2i+1) give wrong output on
 * them. Su et al. 2021, https://arxiv.org/abs/2104.09864
 */
final class Rope {
    private final NDArray invFreq; // [hd / 2]

    Rope(NDManager manager, float[] inverseFrequencies) {
        this.invFreq = manager.create(inverseFrequencies);
    }

    /**
     * cos and sign-folded sin tables [B, T, 1, hd] for {@code positions} [B][T], in float32 like
     * Hugging Face: angle = position · inv_freq, repeated over both halves.
     */
    NDArray[] tables(NDManager m, float[] positions, int batch, int t) {
        NDArray angles = m.create(positions, new Shape(batch, t, 1, 1)).mul(invFreq);
        NDArray cos = angles.cos();
        NDArray sin = angles.sin();
        return new NDArray[] {
            NDArrays.concat(new NDList(cos, cos), 3), NDArrays.concat(new NDList(sin.neg(), sin), 3)
        };
    }

    /** Rotates heads x [B, T, heads, hd]; the sign of rotate_half lives in the sin table. */
    static NDArray apply(NDArray x, NDArray[] tables) {
        NDList halves = x.split(2, 3);
        NDArray swapped = NDArrays.concat(new NDList(halves.get(1), halves.get(0)), 3);
        return x.mul(tables[0]).add(swapped.mul(tables[1]));
    }

    /** Position ids of each row: counted from the row's first real token (left padding). */
    static float[] positions(int batch, int t, int start, int[] padding) {
        float[] pos = new float[batch * t];
        for (int r = 0; r < batch; r++) {
            int pad = padding == null ? 0 : padding[r];
            for (int i = 0; i < t; i++) {
                pos[r * t + i] = Math.max(0, start + i - pad);
            }
        }
        return pos;
    }
}
