package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.model.LlamaConfig.Family;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LlamaModel (NDArrays) against NaiveLlama (plain Java from the formulas) on folders written as
 * Hugging Face publishes them, and its cache and batch paths against its own uncached path.
 */
class LlamaModelTest {
    @TempDir Path dir;

    /** One row of the table: a config, how its weights are stored, and why it is here. */
    record Case(String why, LlamaConfig config, DType dtype, int shards) {
        @Override
        public String toString() {
            return why;
        }
    }

    static LlamaConfig config(
            Family family,
            int hidden,
            int heads,
            int kvHeads,
            int headDim,
            double theta,
            RopeScaling scaling,
            boolean tied,
            boolean bias) {
        return new LlamaConfig(
                family,
                hidden,
                2,
                heads,
                kvHeads,
                headDim,
                24,
                1e-5,
                theta,
                scaling,
                64,
                tied,
                bias,
                37,
                1,
                List.of(2, 3));
    }

    static Stream<Case> cases() {
        RopeScaling none = RopeScaling.NONE;
        return Stream.of(
                new Case(
                        "llama, n_rep 1, theta 1e4, untied",
                        config(Family.LLAMA, 32, 4, 4, 8, 1e4, none, false, false),
                        DType.F32,
                        1),
                new Case(
                        "llama, n_rep 3, theta 1e5, tied",
                        config(Family.LLAMA, 48, 6, 2, 8, 1e5, none, true, false),
                        DType.F32,
                        1),
                new Case(
                        "qwen2 biases, n_rep 7, theta 1e6",
                        config(Family.QWEN2, 56, 7, 1, 8, 1e6, none, true, false),
                        DType.F32,
                        1),
                new Case(
                        "qwen3 q/k norms, head_dim 16 != 32/4, n_rep 2, theta 1e6",
                        config(Family.QWEN3, 32, 4, 2, 16, 1e6, none, true, false),
                        DType.F32,
                        1),
                new Case(
                        "llama attention_bias on q, k, v and o",
                        config(Family.LLAMA, 32, 4, 2, 8, 1e4, none, false, true),
                        DType.F32,
                        1),
                new Case(
                        "llama3 rope scaling (all three frequency bands)",
                        config(
                                Family.LLAMA,
                                32,
                                2,
                                1,
                                16,
                                5e5,
                                RopeScaling.llama3(8, 1, 4, 64),
                                true,
                                false),
                        DType.F32,
                        1),
                new Case(
                        "linear rope scaling",
                        config(Family.LLAMA, 32, 4, 2, 8, 1e4, RopeScaling.linear(2), false, false),
                        DType.F32,
                        1),
                new Case(
                        "BF16 weights",
                        config(Family.LLAMA, 48, 6, 2, 8, 1e5, none, true, false),
                        DType.BF16,
                        1),
                new Case(
                        "F16 weights, qwen2",
                        config(Family.QWEN2, 56, 7, 1, 8, 1e6, none, true, false),
                        DType.F16,
                        1),
                new Case(
                        "sharded in 3 files, untied, qwen3",
                        config(Family.QWEN3, 32, 4, 2, 16, 1e6, none, false, false),
                        DType.BF16,
                        3));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void ndArrayForwardEqualsNaiveReference(Case c) throws Exception {
        LlamaFolders.write(
                dir, c.config(), LlamaFolders.randomTensors(c.config(), 11), c.dtype(), c.shards());
        int[] tokens = randomTokens(c.config(), 20, 5);
        try (LlamaModel model = LlamaModel.load(dir)) {
            float[][] expected =
                    new NaiveLlama(c.config(), LlamaFolders.readBack(dir), false).logits(tokens);
            assertThat(maxAbsDiff(expected, model.logitsAllPositions(tokens))).isLessThan(1e-4);
            assertThat(model.config()).isEqualTo(c.config());
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void cachedEqualsUncachedAtEveryPosition(Case c) {
        try (LlamaModel model = LlamaModel.random(c.config(), 3);
                KvCache cache = model.newCache(1)) {
            int[] tokens = randomTokens(c.config(), 24, 9);
            float[][] all = model.logitsAllPositions(tokens);
            float[] prefill = model.step(cache, Arrays.copyOf(tokens, 5));
            assertThat(maxAbsDiff(new float[][] {all[4]}, new float[][] {prefill}))
                    .isLessThan(1e-4);
            for (int i = 5; i < tokens.length; i++) {
                float[] cached = model.step(cache, tokens[i]);
                float[] uncached =
                        model.logitsUncached(new int[][] {Arrays.copyOf(tokens, i + 1)}, null)[0];
                assertThat(maxAbsDiff(new float[][] {all[i]}, new float[][] {cached}))
                        .as("position %d", i)
                        .isLessThan(1e-4);
                assertThat(maxAbsDiff(new float[][] {uncached}, new float[][] {cached}))
                        .as("position %d", i)
                        .isLessThan(1e-4);
            }
        }
    }

    @Test
    void batchedRowsEqualTheSamePromptsAlone() {
        LlamaConfig c = config(Family.QWEN2, 48, 6, 2, 8, 1e6, RopeScaling.NONE, true, false);
        int[][] prompts = {{5, 9, 11}, {7, 1, 30, 4, 22, 8}, {3}};
        int width = 6;
        try (LlamaModel model = LlamaModel.random(c, 4);
                KvCache batch = model.newCache(3)) {
            int[][] padded = new int[3][width];
            int[] padding = new int[3];
            for (int r = 0; r < 3; r++) {
                padding[r] = width - prompts[r].length;
                System.arraycopy(prompts[r], 0, padded[r], padding[r], prompts[r].length);
            }
            float[][] first = model.step(batch, padded, padding);
            float[][] second = model.step(batch, new int[][] {{12}, {13}, {14}}, padding);
            for (int r = 0; r < 3; r++) {
                try (KvCache alone = model.newCache(1)) {
                    float[] a = model.step(alone, prompts[r]);
                    float[] b = model.step(alone, 12 + r);
                    assertThat(maxAbsDiff(new float[][] {a}, new float[][] {first[r]}))
                            .as("row %d prefill", r)
                            .isLessThan(1e-4);
                    assertThat(maxAbsDiff(new float[][] {b}, new float[][] {second[r]}))
                            .as("row %d decode", r)
                            .isLessThan(1e-4);
                }
            }
        }
    }

    @Test
    void interleavedRopeGivesDifferentLogitsOnTheSameWeights() throws Exception {
        LlamaConfig c = config(Family.LLAMA, 32, 4, 2, 8, 1e4, RopeScaling.NONE, true, false);
        Map<String, float[]> tensors = LlamaFolders.randomTensors(c, 21);
        LlamaFolders.write(dir, c, tensors, DType.F32, 1);
        int[] tokens = randomTokens(c, 16, 2);
        try (LlamaModel model = LlamaModel.load(dir)) {
            float[][] actual = model.logitsAllPositions(tokens);
            float[][] rotateHalf = new NaiveLlama(c, tensors, false).logits(tokens);
            float[][] interleaved = new NaiveLlama(c, tensors, true).logits(tokens);
            assertThat(maxAbsDiff(rotateHalf, actual)).isLessThan(1e-4);
            assertThat(maxAbsDiff(interleaved, actual)).isGreaterThan(1e-2);
        }
    }

    @Test
    void cacheStoresOnlyTheKvHeadsAndGrowsInBlocks() {
        LlamaConfig c =
                new LlamaConfig(
                        Family.LLAMA,
                        48,
                        3,
                        6,
                        2,
                        8,
                        24,
                        1e-5,
                        1e4,
                        RopeScaling.NONE,
                        600,
                        true,
                        false,
                        37,
                        1,
                        List.of(2));
        try (LlamaModel model = LlamaModel.random(c, 1);
                KvCache cache = model.newCache(1)) {
            assertThat(cache.allocated()).isEqualTo(KvCache.FIRST_BLOCK);
            int[] tokens = randomTokens(c, 300, 4);
            float[] prefill = model.step(cache, tokens);
            assertThat(cache.allocated()).isEqualTo(512);
            // 2 (K, V) · 3 layers · 300 positions · 2 kv heads · 8 dims · 4 bytes
            assertThat(cache.bytes()).isEqualTo(2L * 3 * 300 * 2 * 8 * 4);
            float[] uncached = model.logitsUncached(new int[][] {tokens}, null)[0];
            assertThat(maxAbsDiff(new float[][] {prefill}, new float[][] {uncached}))
                    .isLessThan(1e-4);
        }
    }

    static int[] randomTokens(LlamaConfig c, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = r.nextInt(c.vocab());
        }
        return t;
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        assertThat(b.length).isEqualTo(a.length);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i].length).isEqualTo(a[i].length);
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
