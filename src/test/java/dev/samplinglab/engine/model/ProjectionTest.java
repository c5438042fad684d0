package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProjectionTest {

    static Stream<Arguments> handComputed() {
        return Stream.of(
                // W [2, 3], x [3], b [2]: y = W x + b
                Arguments.of(
                        new float[] {1, 2, 3, 4, 5, 6},
                        2,
                        3,
                        new float[] {1, 0, -1},
                        new float[] {0.5f, -0.5f},
                        new float[] {-1.5f, -2.5f}),
                // five rows (one block of four and a tail row), no bias
                Arguments.of(
                        new float[] {1, 0, 0, 1, 1, 1, 2, 0, 0, -3},
                        5,
                        2,
                        new float[] {3, 4},
                        null,
                        new float[] {3, 4, 7, 6, -12}));
    }

    @ParameterizedTest
    @MethodSource("handComputed")
    void oneRowProductMatchesHandComputedValues(
            float[] w, int out, int in, float[] x, float[] b, float[] expected) {
        try (NDManager m = NDManager.newBaseManager();
                NDScope ignored = new NDScope()) {
            Projection p = Projection.of(m, w, out, in, b == null ? null : bytes(b));
            float[] y = p.apply(m.create(x, new Shape(1, 1, in))).toFloatArray();
            assertThat(y).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(7, 5), // shorter than one vector, odd rows
                Arguments.of(64, 48),
                Arguments.of(301, 37), // tails in both directions
                Arguments.of(2304, 768), // GPT-2 small's fused QKV
                Arguments.of(768, 3072)); // its MLP down projection
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void javaKernelAgreesWithLibtorchLinear(int out, int in) {
        assumeTrue(MatVec.enabled(), "needs --add-modules jdk.incubator.vector");
        SplittableRandom rng = new SplittableRandom(out * 31L + in);
        String before = System.getProperty("samplinglab.weights");
        System.setProperty("samplinglab.weights", "heap"); // whatever earlier tests left in it
        boolean grad = JniUtils.isGradMode(); // per thread: on unless this thread turned it off
        JniUtils.setGradMode(false);
        try (NDManager m = NDManager.newBaseManager();
                NDScope ignored = new NDScope()) {
            Projection p =
                    Projection.of(m, gaussian(rng, out * in), out, in, bytes(gaussian(rng, out)));
            NDArray x = m.create(gaussian(rng, in), new Shape(1, 1, in));
            float[] fromHeap = p.apply(x).toFloatArray();
            assertThat(p.isOnHeap()).isTrue();
            float[] reference =
                    Linear.linear(x, p.weight(), p.bias()).singletonOrThrow().toFloatArray();
            assertThat(p.isOnHeap()).isFalse(); // weight() moved W into the array's memory
            float[] offHeap = p.apply(x).toFloatArray();
            assertThat(maxAbsDiff(fromHeap, reference)).isLessThan(1e-4f);
            assertThat(maxAbsDiff(offHeap, reference)).isLessThan(1e-4f);
        } finally {
            JniUtils.setGradMode(grad);
            if (before == null) {
                System.clearProperty("samplinglab.weights");
            } else {
                System.setProperty("samplinglab.weights", before);
            }
        }
    }

    @Test
    void severalRowsGoThroughLibtorchWithTheSameWeights() {
        try (NDManager m = NDManager.newBaseManager();
                NDScope ignored = new NDScope()) {
            Projection p = Projection.of(m, new float[] {1, 2, 3, 4}, 2, 2, null);
            float[] y = p.apply(m.create(new float[] {1, 1, 0, 1}, new Shape(2, 2))).toFloatArray();
            assertThat(y).containsExactly(3f, 7f, 2f, 4f);
            assertThat(p.isOnHeap()).isEqualTo(MatVec.enabled()); // a temporary copy for libtorch
        }
    }

    @Test
    void rowsLookUpTheSameRowsOnAndOffTheHeap() {
        try (NDManager m = NDManager.newBaseManager();
                NDScope ignored = new NDScope()) {
            Projection p = Projection.of(m, new float[] {1, 2, 3, 4, 5, 6}, 3, 2, null);
            NDArray ids = m.create(new long[] {2, 0}, new Shape(1, 2));
            NDArray before = p.rows(ids);
            p.weight();
            NDArray after = p.rows(ids);
            for (NDArray r : new NDArray[] {before, after}) {
                assertThat(r.getShape()).isEqualTo(new Shape(1, 2, 2));
                assertThat(r.toFloatArray()).containsExactly(5f, 6f, 1f, 2f);
            }
        }
    }

    @Test
    void weightChangedInPlaceIsSeenByTheJavaKernel() {
        try (NDManager m = NDManager.newBaseManager();
                NDScope ignored = new NDScope()) {
            Projection p = Projection.of(m, new float[] {1, 2, 3, 4}, 2, 2, null);
            p.weight().muli(2); // what AdamW's in-place update does
            float[] y = p.apply(m.create(new float[] {1, 1}, new Shape(1, 2))).toFloatArray();
            assertThat(y).containsExactly(6f, 14f);
        }
    }

    @Test
    void decodeTeamRunsEveryTaskOnceAtAnyParallelism() {
        DecodeThreads team = DecodeThreads.shared();
        int before = team.parallelism();
        try {
            for (int threads = 1; threads <= team.maxThreads() + 1; threads++) {
                team.setParallelism(threads);
                int[] hits = new int[97];
                team.run(hits.length, i -> hits[i]++);
                assertThat(hits).containsOnly(1);
            }
        } finally {
            team.setParallelism(before);
        }
    }

    private static ByteBuffer bytes(float[] v) {
        ByteBuffer b = ByteBuffer.allocateDirect(v.length * 4).order(ByteOrder.nativeOrder());
        b.asFloatBuffer().put(v);
        return b;
    }

    private static float[] gaussian(SplittableRandom rng, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (rng.nextGaussian() * 0.5);
        }
        return v;
    }

    private static float maxAbsDiff(float[] a, float[] b) {
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
