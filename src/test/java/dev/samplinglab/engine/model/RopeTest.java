package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** Rotary embeddings checked against numbers worked out by hand. */
class RopeTest {

    /**
     * A 4-dim head x = [1, 2, 3, 4], theta 10000: inv_freq = [1, 10000^(-2/4)] = [1, 0.01]. In the
     * rotate_half convention dimension 0 pairs with 2 (angle p) and 1 with 3 (angle 0.01 p): out[0]
     * = x0 cos p - x2 sin p, out[2] = x2 cos p + x0 sin p, and the same for (1, 3).
     */
    static final float[][] ROTATE_HALF = {
        {1f, 2f, 3f, 4f}, // position 0: no rotation
        // position 1: cos 1 = 0.5403023, sin 1 = 0.8414710, cos 0.01 = 0.99995, sin 0.01 =
        // 0.0099998
        {-1.9841106f, 1.9599007f, 2.4623779f, 4.0197997f},
        // position 7: cos 7 = 0.7539023, sin 7 = 0.6569866, cos 0.07 = 0.9975510, sin 0.07 =
        // 0.0699428
        {-1.2170575f, 1.7153306f, 2.9186934f, 4.1300897f},
    };

    /** llama2.c's interleaved pairs (0, 1) at angle p and (2, 3) at 0.01 p, same x. */
    static final float[][] INTERLEAVED = {
        {1f, 2f, 3f, 4f},
        {-1.1426397f, 1.9220756f, 2.9598507f, 4.0297995f},
        {-0.5600709f, 2.1647911f, 2.7128816f, 4.2000325f},
    };

    @Test
    void rotateHalfAtPositionsZeroOneAndSeven() {
        float[][] out = rotate(new float[] {0, 1, 7});
        for (int p = 0; p < 3; p++) {
            for (int j = 0; j < 4; j++) {
                assertThat(out[p][j])
                        .as("position row %d dim %d", p, j)
                        .isCloseTo(ROTATE_HALF[p][j], within(2e-6f));
            }
        }
    }

    @Test
    void interleavedConventionGivesDifferentNumbers() {
        float[][] out = rotate(new float[] {0, 1, 7});
        for (int p = 1; p < 3; p++) {
            double diff = 0;
            for (int j = 0; j < 4; j++) {
                diff = Math.max(diff, Math.abs(out[p][j] - INTERLEAVED[p][j]));
            }
            assertThat(diff).as("position row %d", p).isGreaterThan(0.4);
        }
    }

    @Test
    void inverseFrequenciesWithLlama3AndLinearScaling() {
        // theta 10000, head 8: inv_freq = [1, 0.1, 0.01, 0.001], wavelengths 2 pi / f =
        // [6.28, 62.8, 628, 6283]; llama3 with factor 8, low 1, high 4, original 64 keeps
        // wavelengths < 64 / 4 = 16, divides those > 64 / 1 by 8 and blends 62.8 with
        // smooth = (64 / 62.83 - 1) / (4 - 1) = 0.0061974: (1 - s) 0.1 / 8 + s 0.1 = 0.0130423
        assertThat(RopeScaling.llama3(8, 1, 4, 64).inverseFrequencies(10000, 8))
                .containsExactly(new float[] {1f, 0.0130423f, 0.00125f, 0.000125f}, within(1e-7f));
        assertThat(RopeScaling.linear(2).inverseFrequencies(10000, 8))
                .containsExactly(new float[] {0.5f, 0.05f, 0.005f, 0.0005f}, within(1e-8f));
        assertThat(RopeScaling.NONE.inverseFrequencies(10000, 4))
                .containsExactly(new float[] {1f, 0.01f}, within(1e-9f));
    }

    private static float[][] rotate(float[] positions) {
        try (NDManager m = NDManager.newBaseManager()) {
            Rope rope = new Rope(m, RopeScaling.NONE.inverseFrequencies(10000, 4));
            int t = positions.length;
            float[] x = new float[4 * t];
            for (int i = 0; i < t; i++) {
                System.arraycopy(new float[] {1, 2, 3, 4}, 0, x, 4 * i, 4);
            }
            NDArray heads = m.create(x, new Shape(1, t, 1, 4));
            float[] flat = Rope.apply(heads, rope.tables(m, positions, 1, t)).toFloatArray();
            float[][] out = new float[t][4];
            for (int i = 0; i < t; i++) {
                System.arraycopy(flat, 4 * i, out[i], 0, 4);
            }
            return out;
        }
    }
}
