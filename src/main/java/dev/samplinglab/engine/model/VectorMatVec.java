package dev.samplinglab.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loop of {@link MatVec}: rows of y = W x + b for a row-major [out, in] fp32 matrix in a
 * native-order direct buffer, four rows at a time so four weight streams run side by side (the
 * shape of ggml's and llama2.c's {@code matmul}: https://github.com/karpathy/llama2.c). Uses the
 * Java 17 Vector API (JEP 414), so it is only loaded when {@code jdk.incubator.vector} is present.
 */
final class VectorMatVec {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorMatVec() {}

    /** y[r] = W[r, :] . x (+ bias[r]) for r in [r0, r1). */
    static void rows(ByteBuffer w, int in, float[] x, ByteBuffer bias, float[] y, int r0, int r1) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            fourRows(w, in, x, y, r);
        }
        for (; r < r1; r++) {
            y[r] = dot(w, (long) r * in, in, x);
        }
        if (bias != null) {
            for (int i = r0; i < r1; i++) {
                y[i] += bias.getFloat(i * 4);
            }
        }
    }

    /** y[r] = W[r, :] . x (+ bias[r]) for r in [r0, r1), W on the Java heap. */
    static void rows(float[] w, int in, float[] x, ByteBuffer bias, float[] y, int r0, int r1) {
        int r = r0;
        for (; r + 4 <= r1; r += 4) {
            fourRows(w, in, x, y, r);
        }
        for (; r < r1; r++) {
            y[r] = dot(w, r * in, in, x);
        }
        if (bias != null) {
            for (int i = r0; i < r1; i++) {
                y[i] += bias.getFloat(i * 4);
            }
        }
    }

    private static void fourRows(float[] w, int in, float[] x, float[] y, int r) {
        int bound = S.loopBound(in);
        int step = S.length();
        int o0 = r * in;
        int o1 = o0 + in;
        int o2 = o1 + in;
        int o3 = o2 + in;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i < bound; i += step) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            a0 = FloatVector.fromArray(S, w, o0 + i).fma(xv, a0);
            a1 = FloatVector.fromArray(S, w, o1 + i).fma(xv, a1);
            a2 = FloatVector.fromArray(S, w, o2 + i).fma(xv, a2);
            a3 = FloatVector.fromArray(S, w, o3 + i).fma(xv, a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < in; i++) {
            float xi = x[i];
            s0 += w[o0 + i] * xi;
            s1 += w[o1 + i] * xi;
            s2 += w[o2 + i] * xi;
            s3 += w[o3 + i] * xi;
        }
        y[r] = s0;
        y[r + 1] = s1;
        y[r + 2] = s2;
        y[r + 3] = s3;
    }

    private static float dot(float[] w, int offset, int in, float[] x) {
        int bound = S.loopBound(in);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += S.length()) {
            acc = FloatVector.fromArray(S, w, offset + i).fma(FloatVector.fromArray(S, x, i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < in; i++) {
            s += w[offset + i] * x[i];
        }
        return s;
    }

    private static void fourRows(ByteBuffer w, int in, float[] x, float[] y, int r) {
        int bound = S.loopBound(in);
        int step = S.length();
        int o0 = r * in * 4;
        int o1 = o0 + in * 4;
        int o2 = o1 + in * 4;
        int o3 = o2 + in * 4;
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = 0;
        for (; i < bound; i += step) {
            FloatVector xv = FloatVector.fromArray(S, x, i);
            int b = i * 4;
            a0 = FloatVector.fromByteBuffer(S, w, o0 + b, ORDER).fma(xv, a0);
            a1 = FloatVector.fromByteBuffer(S, w, o1 + b, ORDER).fma(xv, a1);
            a2 = FloatVector.fromByteBuffer(S, w, o2 + b, ORDER).fma(xv, a2);
            a3 = FloatVector.fromByteBuffer(S, w, o3 + b, ORDER).fma(xv, a3);
        }
        float s0 = a0.reduceLanes(VectorOperators.ADD);
        float s1 = a1.reduceLanes(VectorOperators.ADD);
        float s2 = a2.reduceLanes(VectorOperators.ADD);
        float s3 = a3.reduceLanes(VectorOperators.ADD);
        for (; i < in; i++) {
            float xi = x[i];
            s0 += w.getFloat(o0 + i * 4) * xi;
            s1 += w.getFloat(o1 + i * 4) * xi;
            s2 += w.getFloat(o2 + i * 4) * xi;
            s3 += w.getFloat(o3 + i * 4) * xi;
        }
        y[r] = s0;
        y[r + 1] = s1;
        y[r + 2] = s2;
        y[r + 3] = s3;
    }

    private static float dot(ByteBuffer w, long offset, int in, float[] x) {
        int base = (int) offset * 4;
        int bound = S.loopBound(in);
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (; i < bound; i += S.length()) {
            acc =
                    FloatVector.fromByteBuffer(S, w, base + i * 4, ORDER)
                            .fma(FloatVector.fromArray(S, x, i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < in; i++) {
            s += w.getFloat(base + i * 4) * x[i];
        }
        return s;
    }

    /** Sum of the floats in bytes [from, to) of b: a streaming read, four loads in flight. */
    static float sum(ByteBuffer b, int from, int to) {
        int step = S.vectorByteSize();
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int o = from;
        for (; o + 4 * step <= to; o += 4 * step) {
            a0 = a0.add(FloatVector.fromByteBuffer(S, b, o, ORDER));
            a1 = a1.add(FloatVector.fromByteBuffer(S, b, o + step, ORDER));
            a2 = a2.add(FloatVector.fromByteBuffer(S, b, o + 2 * step, ORDER));
            a3 = a3.add(FloatVector.fromByteBuffer(S, b, o + 3 * step, ORDER));
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; o + 4 <= to; o += 4) {
            s += b.getFloat(o);
        }
        return s;
    }

    /** Sum of a[from, to): a streaming read from the heap, four loads in flight. */
    static float sum(float[] a, int from, int to) {
        int step = S.length();
        FloatVector a0 = FloatVector.zero(S);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int i = from;
        for (; i + 4 * step <= to; i += 4 * step) {
            a0 = a0.add(FloatVector.fromArray(S, a, i));
            a1 = a1.add(FloatVector.fromArray(S, a, i + step));
            a2 = a2.add(FloatVector.fromArray(S, a, i + 2 * step));
            a3 = a3.add(FloatVector.fromArray(S, a, i + 3 * step));
        }
        float s = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
