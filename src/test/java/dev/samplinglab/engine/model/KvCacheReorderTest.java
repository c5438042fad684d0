package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After {@link KvCache#reorder}, row i holds the old row sources[i]: one more cached step gives the
 * logits of that row's sequence plus the new token, as recomputing the whole prefix does.
 */
class KvCacheReorderTest {
    private static final ModelConfig CONFIG = new ModelConfig(2, 2, 16, 32, 29, 1e-5, 28, 28);

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of((Object) new int[] {2, 0, 0}),
                Arguments.of((Object) new int[] {1, 2, 0}),
                Arguments.of((Object) new int[] {0, 1, 2}),
                Arguments.of((Object) new int[] {1, 1, 1}));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void reorderedRowsContinueTheirSourceSequences(int[] sources) {
        int[][] prefixes = {{3, 4, 5, 6}, {7, 8, 9, 10}, {11, 12, 13, 14}};
        int[][] next = {{20}, {21}, {22}};
        try (GptModel model = GptModel.random(CONFIG, 5);
                KvCache cache = model.newCache(3)) {
            model.step(cache, prefixes, null);
            cache.reorder(sources);
            float[][] cached = model.step(cache, next, null);
            int[][] full = new int[3][];
            for (int r = 0; r < 3; r++) {
                full[r] = Arrays.copyOf(prefixes[sources[r]], 5);
                full[r][4] = next[r][0];
            }
            float[][] uncached = model.logitsUncached(full, null);
            assertThat(GptModelTest.maxAbsDiff(uncached, cached)).isLessThan(1e-4);
            assertThat(cache.length()).isEqualTo(5);
        }
    }

    @Test
    void refusesAWrongRowCountOrRow() {
        try (GptModel model = GptModel.random(CONFIG, 5);
                KvCache cache = model.newCache(2)) {
            assertThatThrownBy(() -> cache.reorder(0)).hasMessageContaining("2 source rows");
            assertThatThrownBy(() -> cache.reorder(0, 2)).hasMessageContaining("outside 0..1");
        }
    }
}
