package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A linear layer y = x W^T + b of a decoder (attention and MLP projections, the LM head, the token
 * embedding that a tied head shares). W is [out, in] and is held once, in one of two places:
 *
 * <ul>
 *   <li>on the Java heap (a {@code float[]}, the default when the {@link MatVec} kernel is on and
 *       the heap has room): the kernel reads it with {@code FloatVector.fromArray}, about 1.5x
 *       faster on JDK 17 than {@code fromByteBuffer} over off-heap memory, and with {@code
 *       -XX:+UseTransparentHugePages} on 2 MB pages. Multi-row products (prefill, the uncached
 *       pass) give libtorch a temporary copy of W that lives for one call; embedding lookups copy
 *       the rows they need;
 *   <li>in a direct buffer that the DJL array wraps without a copy ({@link #weight()} moves W there
 *       on first call, for training and anything else that needs the array itself): DJL and the
 *       kernel then share that memory, and in-place updates (AdamW) are seen by both.
 * </ul>
 *
 * Goodfellow et al., Deep Learning, ch. 6: https://www.deeplearningbook.org/contents/mlp.html
 */
public final class Projection {
    private static final long HEAP_RESERVE = 256L << 20;
    private static final int COPY_CHUNK = 1 << 20;
    private static volatile long lastCollection = System.nanoTime() - 2_000_000_000L;

    private final NDManager manager;
    private final NDArray bias; // [out] or null
    private final ByteBuffer biasData; // b's bytes, native order, shared with bias, or null
    private final int out;
    private final int in;
    private float[] heap; // W row-major on the Java heap, or null once moved off-heap
    private ByteBuffer data; // W's bytes off-heap, shared with weight, or null while on the heap
    private NDArray weight; // [out, in] over data, or null while on the heap

    private Projection(
            NDManager m, ByteBuffer src, float[] values, long out, long in, ByteBuffer b) {
        this.manager = m;
        this.out = Math.toIntExact(out);
        this.in = Math.toIntExact(in);
        this.biasData = b == null ? null : direct(b);
        this.bias = b == null ? null : m.create(this.biasData, new Shape(out), DataType.FLOAT32);
        if (onHeap(out * in * 4)) {
            heap = values != null ? values : floats(src);
        } else {
            data = src != null ? direct(src) : directOf(values);
            weight = m.create(data, new Shape(out, in), DataType.FLOAT32);
        }
    }

    /**
     * A projection over W [out, in] and b [out] (null for none) given as native-order fp32 bytes; W
     * is copied to the heap or, off-heap, used as it is when it is a direct buffer.
     */
    public static Projection of(
            NDManager m, ByteBuffer weight, long out, long in, ByteBuffer bias) {
        return new Projection(m, weight, null, out, in, bias);
    }

    /** A projection over W [out, in] given as row-major floats (kept, not copied, on the heap). */
    public static Projection of(NDManager m, float[] weight, long out, long in, ByteBuffer bias) {
        return new Projection(m, null, weight, out, in, bias);
    }

    /**
     * W [out, in] as a DJL array that shares its memory with the Java kernel. The first call moves
     * W off the Java heap (the heap copy is dropped, so W stays held once).
     */
    public synchronized NDArray weight() {
        if (weight == null) {
            data = directOf(heap);
            NDArray w = manager.create(data, new Shape(out, in), DataType.FLOAT32);
            ai.djl.ndarray.NDScope.unregister(w);
            weight = w;
            heap = null;
        }
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

    /** Whether W is on the Java heap now (false once {@link #weight()} moved it off). */
    public synchronized boolean isOnHeap() {
        return heap != null;
    }

    /** Bytes of W and b (fp32). */
    public long bytes() {
        return ((long) out * in + (bias == null ? 0 : out)) * 4;
    }

    /**
     * x [..., in] to [..., out]. One row outside autograd goes through {@link MatVec} when it is
     * enabled; everything else through libtorch's {@code linear}.
     */
    public NDArray apply(NDArray x) {
        Shape shape = x.getShape();
        boolean grad = JniUtils.isGradMode();
        if (shape.size() == in && MatVec.enabled() && !grad) {
            float[] y = new float[out];
            float[] w = heapOrNull();
            if (w != null) {
                MatVec.multiply(w, out, in, x.toFloatArray(), biasData, y);
            } else {
                MatVec.multiply(data, out, in, x.toFloatArray(), biasData, y);
            }
            long[] dims = shape.getShape().clone();
            dims[dims.length - 1] = out;
            return x.getManager().create(y, new Shape(dims));
        }
        float[] w = heapOrNull(); // training moved W off-heap first (parameters())
        if (w == null) {
            return Linear.linear(x, weight(), bias).singletonOrThrow();
        }
        try (NDArray temporary = x.getManager().create(w, new Shape(out, in))) {
            return Linear.linear(x, temporary, bias).singletonOrThrow();
        }
    }

    /**
     * Rows of W for the given ids (an embedding lookup): ids [...] (integers) to [..., in], on the
     * ids' manager.
     */
    public NDArray rows(NDArray ids) {
        float[] w = heapOrNull();
        if (w == null) {
            return weight().get(new NDIndex("{}", ids));
        }
        long[] v = ids.toType(DataType.INT64, false).toLongArray();
        float[] picked = new float[v.length * in];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] >= out) {
                throw new IndexOutOfBoundsException("row %d of %d".formatted(v[i], out));
            }
            System.arraycopy(w, (int) v[i] * in, picked, i * in, in);
        }
        return ids.getManager().create(picked, ids.getShape().addAll(new Shape(in)));
    }

    /** A copy of W row-major (without moving it off the heap). */
    public float[] toFloatArray() {
        float[] w = heapOrNull();
        return w != null ? w.clone() : weight().toFloatArray();
    }

    private synchronized float[] heapOrNull() {
        return heap;
    }

    /**
     * Heap storage when the kernel is on, {@code -Dsamplinglab.weights} is not {@code direct}, and
     * the heap keeps room for twice W (a loader may hold the file's bytes meanwhile) plus a
     * reserve.
     */
    private static boolean onHeap(long bytes) {
        String forced = System.getProperty("samplinglab.weights", "");
        if (!MatVec.enabled() || forced.equals("direct")) {
            return false;
        }
        if (forced.equals("heap")) {
            return true;
        }
        long needed = 2 * bytes + HEAP_RESERVE;
        if (bytes > Integer.MAX_VALUE) {
            return false;
        }
        if (heapRoom() > needed) {
            return true;
        }
        long now = System.nanoTime();
        if (now - lastCollection < 1_000_000_000L) {
            return false;
        }
        lastCollection = now; // garbage (a previous model, a loader's buffers) may be the shortage
        System.gc();
        return heapRoom() > needed;
    }

    private static long heapRoom() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** A copy in 1M-float chunks, so a cancelled model load stops between two of them. */
    private static float[] floats(ByteBuffer src) {
        java.nio.FloatBuffer in = src.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] f = new float[in.remaining()];
        for (int i = 0; i < f.length; i += COPY_CHUNK) {
            WeightLoader.checkCancelled("a projection");
            in.get(i, f, i, Math.min(COPY_CHUNK, f.length - i));
        }
        return f;
    }

    private static ByteBuffer directOf(float[] values) {
        ByteBuffer d = ByteBuffer.allocateDirect(values.length * 4).order(ByteOrder.nativeOrder());
        d.asFloatBuffer().put(values);
        return d;
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
