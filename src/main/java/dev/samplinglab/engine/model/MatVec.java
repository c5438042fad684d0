package dev.samplinglab.engine.model;

import java.nio.ByteBuffer;

/**
 * The one-row matrix product of decode, y = W x + b, written in Java over {@link DecodeThreads}:
 * libtorch's one-row fp32 product runs on one core at about a quarter of the machine's streaming
 * bandwidth, while this one splits W's rows into blocks read by every core. W is row-major [out,
 * in] (torch's {@code Linear} layout) in a native-order direct buffer that the DJL array of the
 * same weight wraps without a copy, so the model holds its weights once.
 *
 * <p>Needs the Vector API ({@code --add-modules jdk.incubator.vector}); without it, or with {@code
 * -Dsamplinglab.matvec=libtorch}, {@link #enabled()} is false and callers use libtorch.
 */
public final class MatVec {
    private static final int CHUNK_BYTES = 128 * 1024;
    private static final boolean ENABLED = detect();

    private MatVec() {}

    /** Whether the Java kernel is in use (Vector API present and not switched off). */
    public static boolean enabled() {
        return ENABLED;
    }

    /** What computes one-row products, for reports: "java-vector" or "libtorch". */
    public static String kernel() {
        return ENABLED ? "java-vector" : "libtorch";
    }

    /**
     * y = W x (+ bias), W row-major [out, in] fp32 in a native-order direct buffer.
     *
     * @param bias [out] fp32 in native order, or null
     */
    public static void multiply(
            ByteBuffer w, int out, int in, float[] x, ByteBuffer bias, float[] y) {
        int rowsPerTask = Math.max(4, CHUNK_BYTES / (in * 4)) & ~3;
        int tasks = (out + rowsPerTask - 1) / rowsPerTask;
        DecodeThreads.shared()
                .run(
                        tasks,
                        t -> {
                            int r0 = t * rowsPerTask;
                            int r1 = Math.min(out, r0 + rowsPerTask);
                            VectorMatVec.rows(w, in, x, bias, y, r0, r1);
                        });
    }

    /**
     * y = W x (+ bias), W row-major [out, in] fp32 on the Java heap (the fast path on JDK 17:
     * {@code fromArray} loads cost less than {@code fromByteBuffer} ones).
     *
     * @param bias [out] fp32 in native order, or null
     */
    public static void multiply(float[] w, int out, int in, float[] x, ByteBuffer bias, float[] y) {
        int rowsPerTask = Math.max(4, CHUNK_BYTES / (in * 4)) & ~3;
        int tasks = (out + rowsPerTask - 1) / rowsPerTask;
        DecodeThreads.shared()
                .run(
                        tasks,
                        t -> {
                            int r0 = t * rowsPerTask;
                            int r1 = Math.min(out, r0 + rowsPerTask);
                            VectorMatVec.rows(w, in, x, bias, y, r0, r1);
                        });
    }

    /**
     * Sums the floats in bytes [from, to) of a native-order direct buffer with the same vector
     * loads as the kernel (a streaming read, for the memory-bandwidth bound); a scalar loop when
     * the kernel is off.
     */
    public static float sum(ByteBuffer b, int from, int to) {
        if (ENABLED) {
            return VectorMatVec.sum(b, from, to);
        }
        float s = 0;
        for (int o = from; o + 4 <= to; o += 4) {
            s += b.getFloat(o);
        }
        return s;
    }

    /** Sums a[from, to) with the kernel's vector loads (the streaming read it does on the heap). */
    public static float sum(float[] a, int from, int to) {
        if (ENABLED) {
            return VectorMatVec.sum(a, from, to);
        }
        float s = 0;
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    private static boolean detect() {
        if ("libtorch".equals(System.getProperty("samplinglab.matvec"))) {
            return false;
        }
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
