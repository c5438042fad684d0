package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A linear layer y = x W^T + b of a decoder (attention and MLP projections, the LM head). W is
 * [out, in] in one direct buffer shared by the DJL array (batched prefill, uncached passes,
 * training) and {@link MatVec} (one-row decode on every core). Goodfellow et al., Deep Learning,
 * ch. 6: https://www.deeplearningbook.org/contents/mlp.html
 */
public final class Projection {
    private final NDArray weight; // [out, in]
    private final NDArray bias; // [out] or null
    private final ByteBuffer data; // W's bytes, native order, shared with weight
    private final ByteBuffer biasData; // b's bytes, native order, shared with bias, or null
    private final int out;
    private final int in;

    private Projection(NDManager m, ByteBuffer data, long out, long in, ByteBuffer biasData) {
        this.data = direct(data);
        this.biasData = biasData == null ? null : direct(biasData);
        this.weight = m.create(this.data, new Shape(out, in), DataType.FLOAT32);
        this.bias =
                biasData == null ? null : m.create(this.biasData, new Shape(out), DataType.FLOAT32);
        this.out = Math.toIntExact(out);
        this.in = Math.toIntExact(in);
    }

    /**
     * A projection over W [out, in] and b [out] (null for none) given as native-order fp32 bytes;
     * buffers that are not direct are copied into direct ones, direct ones are used as they are.
     */
    public static Projection of(
            NDManager m, ByteBuffer weight, long out, long in, ByteBuffer bias) {
        return new Projection(m, weight, out, in, bias);
    }

    /** A projection over W [out, in] given as row-major floats. */
    public static Projection of(NDManager m, float[] weight, long out, long in, ByteBuffer bias) {
        ByteBuffer direct =
                ByteBuffer.allocateDirect(weight.length * 4).order(ByteOrder.nativeOrder());
        direct.asFloatBuffer().put(weight);
        return new Projection(m, direct, out, in, bias);
    }

    /** W [out, in], the DJL array (shares its memory with the Java kernel). */
    public NDArray weight() {
        return weight;
    }

    /** b [out], or null. */
    public NDArray bias() {
        return bias;
    }

    public int outFeatures() {
        return out;
    }

    public int inFeatures() {
        return in;
    }

    /**
     * x [..., in] to [..., out]. One row outside autograd goes through {@link MatVec} when it is
     * enabled; everything else through libtorch's {@code linear}.
     */
    public NDArray apply(NDArray x) {
        Shape shape = x.getShape();
        if (shape.size() == in && MatVec.enabled() && !JniUtils.isGradMode()) {
            float[] y = new float[out];
            MatVec.multiply(data, out, in, x.toFloatArray(), biasData, y);
            long[] dims = shape.getShape().clone();
            dims[dims.length - 1] = out;
            return x.getManager().create(y, new Shape(dims));
        }
        return Linear.linear(x, weight, bias).singletonOrThrow();
    }

    private static ByteBuffer direct(ByteBuffer src) {
        if (src.isDirect() && src.order() == ByteOrder.nativeOrder() && src.position() == 0) {
            return src;
        }
        ByteBuffer d = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
        d.put(src.duplicate().order(src.order()));
        d.flip();
        return d;
    }
}
