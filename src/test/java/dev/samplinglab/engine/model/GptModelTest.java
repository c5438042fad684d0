package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GptModelTest {

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(new ModelConfig(1, 1, 8, 16, 11, 1e-5, 10, 10), 1L),
                Arguments.of(new ModelConfig(2, 2, 16, 32, 37, 1e-5, 36, 36), 2L),
                Arguments.of(new ModelConfig(3, 4, 32, 24, 50, 1e-5, 0, 0), 3L));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void djlForwardEqualsNaiveReference(ModelConfig config, long seed) {
        try (GptModel model = GptModel.random(config, seed)) {
            int[] tokens = randomTokens(config, 12, seed);
            float[][] expected = new NaiveGpt(model).forward(tokens);
            float[][] actual = model.logitsAllPositions(tokens);
            assertThat(maxAbsDiff(expected, actual)).isLessThan(1e-4);
        }
    }

    @ParameterizedTest
    @MethodSource("configs")
    void cachedEqualsUncachedAtEveryPosition(ModelConfig config, long seed) {
        try (GptModel model = GptModel.random(config, seed);
                KvCache cache = model.newCache(1)) {
            int[] tokens = randomTokens(config, 15, seed + 7);
            float[][] all = model.logitsAllPositions(tokens);
            float[] prefill = model.step(cache, java.util.Arrays.copyOf(tokens, 4));
            assertThat(maxAbsDiff(new float[][] {all[3]}, new float[][] {prefill}))
                    .isLessThan(1e-4);
            for (int i = 4; i < tokens.length; i++) {
                float[] cached = model.step(cache, tokens[i]);
                assertThat(maxAbsDiff(new float[][] {all[i]}, new float[][] {cached}))
                        .as("position %d", i)
                        .isLessThan(1e-4);
            }
            assertThat(cache.length()).isEqualTo(tokens.length);
        }
    }

    @org.junit.jupiter.api.Test
    void inferenceSeesWeightsChangedByTraining() {
        ModelConfig config = new ModelConfig(1, 2, 8, 16, 13, 1e-5, 12, 12);
        try (GptModel model = GptModel.random(config, 9)) {
            int[] tokens = {1, 2, 3};
            model.logitsAllPositions(tokens);
            try (var ids =
                            model.manager()
                                    .create(
                                            new long[] {1, 2, 3},
                                            new ai.djl.ndarray.types.Shape(1, 3));
                    var out = model.forwardTrain(ids, 0f)) {
                assertThat(out.getShape().getShape()).containsExactly(1, 3, 13);
            }
            model.weights().tokenEmbedding().muli(2f);
            float[][] expected = new NaiveGpt(model).forward(tokens);
            assertThat(maxAbsDiff(expected, model.logitsAllPositions(tokens))).isLessThan(1e-4);
        }
    }

    static int[] randomTokens(ModelConfig c, int n, long seed) {
        return new SplittableRandom(seed).ints(n, 0, c.vocabSize()).toArray();
    }

    static double maxAbsDiff(float[][] a, float[][] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            assertThat(b[i]).hasSameSizeAs(a[i]);
            for (int j = 0; j < a[i].length; j++) {
                max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
            }
        }
        return max;
    }
}
