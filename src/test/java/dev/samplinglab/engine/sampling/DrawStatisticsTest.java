package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded draws follow the final distribution and are reproducible. */
class DrawStatisticsTest {
    private static final float[] LOGITS =
            Vectors.floats(1.0, 2.0, 0.5, 3.0, 0.2, -1.0, 2.5, 0.0, 1.7, -0.4);
    private static final int DRAWS = 100_000;

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(SamplingSettings.neutral()),
                Arguments.of(SamplingSettings.builder().temperature(0.7).topK(4).build()),
                Arguments.of(
                        SamplingSettings.builder()
                                .temperature(1.5)
                                .topP(0.8)
                                .topPRule(TopPRule.CUMSUM_LE_P)
                                .build()),
                Arguments.of(SamplingSettings.builder().minP(0.1).typicalP(0.9).build()),
                Arguments.of(
                        Preset.CREATIVE.settings().toBuilder().repetitionPenalty(1.3).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void drawsMatchTheFinalDistribution(SamplingSettings settings) {
        SamplingPipeline pipeline = SamplingPipeline.of(settings);
        int[] context = {3, 6};
        Distribution finalDist = pipeline.finalDistribution(LOGITS, context);
        Coins coins = Coins.commonRandomNumbers(20261126L);
        int[] counts = new int[LOGITS.length];
        for (int t = 0; t < DRAWS; t++) {
            counts[pipeline.picker().pick(finalDist, coins.coin(t))]++;
        }
        double chiSquare = 0;
        int cells = 0;
        for (int id = 0; id < counts.length; id++) {
            double expected = DRAWS * finalDist.prob(id);
            if (expected == 0) {
                assertThat(counts[id]).as("dropped token %d drawn", id).isZero();
                continue;
            }
            chiSquare += (counts[id] - expected) * (counts[id] - expected) / expected;
            cells++;
        }
        assertThat(cells).isGreaterThan(1);
        assertThat(ChiSquare.pValue(chiSquare, cells - 1)).isGreaterThan(0.001);
    }

    @Test
    void sameSeedGivesTheSameSequenceAndStepsAreRepeatable() {
        SamplingPipeline pipeline = SamplingPipeline.of(Preset.GENERAL.settings());
        int[] a = sequence(pipeline, Coins.commonRandomNumbers(5), 200);
        int[] b = sequence(pipeline, Coins.commonRandomNumbers(5), 200);
        int[] c = sequence(pipeline, Coins.commonRandomNumbers(6), 200);
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
        Coins coins = Coins.commonRandomNumbers(5);
        assertThat(coins.coin(17)).isEqualTo(coins.coin(17)); // back + step reuses u
    }

    @Test
    void independentStreamsDifferFromEachOtherAndFromTheSharedStream() {
        Coins shared = Coins.commonRandomNumbers(9);
        Coins first = Coins.independentStream(9, 0);
        Coins second = Coins.independentStream(9, 1);
        int differ = 0;
        for (int t = 0; t < 100; t++) {
            double u = first.coin(t);
            assertThat(u).isBetween(0.0, 1.0).isLessThan(1.0);
            if (u != second.coin(t) && u != shared.coin(t)) {
                differ++;
            }
        }
        assertThat(differ).isEqualTo(100);
        assertThat(Coins.independentStream(9, 1).coin(3)).isEqualTo(second.coin(3));
    }

    @Test
    void coinsAreUniform() {
        Coins coins = Coins.commonRandomNumbers(1);
        int[] bins = new int[20];
        for (int t = 0; t < DRAWS; t++) {
            bins[(int) (coins.coin(t) * 20)]++;
        }
        double expected = DRAWS / 20.0;
        double chiSquare = 0;
        for (int b : bins) {
            chiSquare += (b - expected) * (b - expected) / expected;
        }
        assertThat(ChiSquare.pValue(chiSquare, 19)).isGreaterThan(0.001);
    }

    private static int[] sequence(SamplingPipeline pipeline, Coins coins, int steps) {
        int[] out = new int[steps];
        for (int t = 0; t < steps; t++) {
            out[t] = pipeline.pick(LOGITS, new int[0], coins.coin(t));
        }
        return out;
    }

    @Test
    void chiSquareTailMatchesTables() {
        // tabulated 0.999 quantiles: df 3 -> 16.266, df 9 -> 27.877, df 19 -> 43.820
        assertThat(ChiSquare.pValue(16.266, 3)).isCloseTo(0.001, within(2e-6));
        assertThat(ChiSquare.pValue(27.877, 9)).isCloseTo(0.001, within(2e-6));
        assertThat(ChiSquare.pValue(43.820, 19)).isCloseTo(0.001, within(2e-6));
        assertThat(ChiSquare.pValue(2.0, 2)).isCloseTo(Math.exp(-1), within(1e-12));
    }
}
