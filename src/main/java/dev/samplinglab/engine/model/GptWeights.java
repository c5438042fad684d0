package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The weights of a GPT-2 decoder, as in llama2.c's TransformerWeights. Linear weights are stored in
 * torch's [out, in] layout (Hugging Face's Conv1D files store [in, out]; they are transposed once
 * at load), so each projection is a single fused {@code linear} op.
 */
public final class GptWeights {

    /** One transformer block. d = n_embd. */
    public record Block(
            NDArray ln1Gain, // [d]
            NDArray ln1Bias, // [d]
            Projection qkv, // [3d, d] + [3d]
            Projection attnOut, // [d, d] + [d]
            NDArray ln2Gain, // [d]
            NDArray ln2Bias, // [d]
            Projection fc, // [4d, d] + [4d]
            Projection fcOut // [d, 4d] + [d]
            ) {
        public NDArray qkvWeight() {
            return qkv.weight();
        }

        public NDArray qkvBias() {
            return qkv.bias();
        }

        public NDArray attnOutWeight() {
            return attnOut.weight();
        }

        public NDArray attnOutBias() {
            return attnOut.bias();
        }

        public NDArray fcWeight() {
            return fc.weight();
        }

        public NDArray fcBias() {
            return fc.bias();
        }

        public NDArray fcOutWeight() {
            return fcOut.weight();
        }

        public NDArray fcOutBias() {
            return fcOut.bias();
        }

        List<NDArray> arrays() {
            return List.of(
                    ln1Gain,
                    ln1Bias,
                    qkvWeight(),
                    qkvBias(),
                    attnOutWeight(),
                    attnOutBias(),
                    ln2Gain,
                    ln2Bias,
                    fcWeight(),
                    fcBias(),
                    fcOutWeight(),
                    fcOutBias());
        }
    }

    public final Projection lmHead; // the token embedding [vocab, d], also the tied LM head
    public final NDArray positionEmbedding; // [n_positions, d]
    public final Block[] blocks; // [n_layer]
    public final NDArray lnFinalGain; // [d]
    public final NDArray lnFinalBias; // [d]

    public GptWeights(Projection wte, NDArray wpe, Block[] blocks, NDArray lnfG, NDArray lnfB) {
        this.lmHead = wte;
        this.positionEmbedding = wpe;
        this.blocks = blocks.clone();
        this.lnFinalGain = lnfG;
        this.lnFinalBias = lnfB;
    }

    /**
     * The token embedding [vocab, d] as a DJL array (moves it off the Java heap: see {@link
     * Projection#weight()}); lookups in inference use {@code lmHead.rows(ids)}.
     */
    public NDArray tokenEmbedding() {
        return lmHead.weight();
    }

    /** Every parameter array, for training and checkpoints (moves every projection off-heap). */
    public List<NDArray> parameters() {
        List<NDArray> all = new ArrayList<>(List.of(tokenEmbedding(), positionEmbedding));
        for (Block b : blocks) {
            all.addAll(b.arrays());
        }
        all.add(lnFinalGain);
        all.add(lnFinalBias);
        return all;
    }

    /** Total bytes of the parameters (fp32). */
    public long bytes() {
        long n = lmHead.bytes() + size(positionEmbedding, lnFinalGain, lnFinalBias);
        for (Block b : blocks) {
            n += b.qkv.bytes() + b.attnOut.bytes() + b.fc.bytes() + b.fcOut.bytes();
            n += size(b.ln1Gain, b.ln1Bias, b.ln2Gain, b.ln2Bias);
        }
        return n;
    }

    private static long size(NDArray... arrays) {
        long n = 0;
        for (NDArray a : arrays) {
            n += a.getShape().size() * 4;
        }
        return n;
    }

    /** Creates a float32 array from a native-order buffer. */
    static NDArray create(NDManager m, ByteBuffer data, long[] shape) {
        return m.create(data, new Shape(shape), DataType.FLOAT32);
    }

    /**
     * A projection from a Hugging Face Conv1D weight [in, out] (transposed here to torch's [out,
     * in]) and its bias [out].
     */
    static Projection conv1d(NDManager m, ByteBuffer data, long[] shape, ByteBuffer bias) {
        int rows = (int) shape[0];
        int cols = (int) shape[1];
        java.nio.FloatBuffer src = data.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] dst = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            if ((r & 255) == 0) {
                WeightLoader.checkCancelled("a Conv1D weight");
            }
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src.get(r * cols + c);
            }
        }
        return Projection.of(m, dst, cols, rows, bias);
    }

    /** Row-major [rows, cols] to row-major [cols, rows] (Conv1D and torch layouts, tied head). */
    static float[] transpose(float[] src, int rows, int cols) {
        float[] dst = new float[src.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[c * rows + r] = src[r * cols + c];
            }
        }
        return dst;
    }
}
