package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PerplexityTest {
    private static final ModelConfig CONFIG = new ModelConfig(2, 2, 16, 8, 23, 1e-5, 22, 22);

    @Test
    void windowPlanScoresEveryTargetOnceWithLongLeftContext() {
        assertThat(Perplexity.windows(10, 4, 2))
                .containsExactly(
                        new Perplexity.Window(0, 4, 1),
                        new Perplexity.Window(2, 6, 4),
                        new Perplexity.Window(4, 8, 6),
                        new Perplexity.Window(6, 10, 8));
        // the last window is aligned to the end, so it stays full length
        assertThat(Perplexity.windows(9, 4, 3))
                .containsExactly(
                        new Perplexity.Window(0, 4, 1),
                        new Perplexity.Window(3, 7, 4),
                        new Perplexity.Window(5, 9, 7));
        assertThat(Perplexity.windows(3, 8, 4)).containsExactly(new Perplexity.Window(0, 3, 1));
        assertThat(Perplexity.windows(1, 8, 4)).isEmpty();
    }

    @Test
    void shortTextEqualsTheSumOfLogSoftmaxOverAllPositions() {
        try (GptModel model = GptModel.random(CONFIG, 5)) {
            int[] tokens = {4, 7, 1, 22, 0, 9};
            double expected = Math.log(23) + windowNats(model, tokens, 0, 6, 1);
            EvalResult r = Perplexity.evaluate(model, tokens, 12, 4);
            assertThat(r.tokens()).isEqualTo(6);
            assertThat(r.chars()).isEqualTo(12);
            assertThat(r.nats()).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void longTextMatchesAHandComputedStridedSum() {
        try (GptModel model = GptModel.random(CONFIG, 6)) {
            int[] tokens = new SplittableRandom(1).ints(30, 0, 23).toArray();
            double expected = Math.log(23);
            for (Perplexity.Window w :
                    List.of(
                            new Perplexity.Window(0, 8, 1),
                            new Perplexity.Window(3, 11, 8),
                            new Perplexity.Window(6, 14, 11))) {
                expected += windowNats(model, tokens, w.start(), w.end(), w.from());
            }
            for (int end = 17; end <= 29; end += 3) {
                expected += windowNats(model, tokens, end - 8, end, end - 3);
            }
            expected += windowNats(model, tokens, 22, 30, 29);
            EvalResult r = Perplexity.evaluate(model, tokens, 100, 3);
            assertThat(r.nats()).isCloseTo(expected, within(1e-3));
            assertThat(r.natsPerToken()).isCloseTo(expected / 30, within(1e-4));
        }
    }

    @Test
    void nonOverlappingStrideIsContextMinusOneAndLongerStridesAreRefused() {
        try (GptModel model = GptModel.random(CONFIG, 8)) {
            int[] tokens = new SplittableRandom(2).ints(20, 0, 23).toArray();
            // stride 7 = context - 1: each window holds the token before its first target
            double expected =
                    Math.log(23)
                            + windowNats(model, tokens, 0, 8, 1)
                            + windowNats(model, tokens, 7, 15, 8)
                            + windowNats(model, tokens, 12, 20, 15);
            assertThat(Perplexity.evaluate(model, tokens, 40, 7).nats())
                    .isCloseTo(expected, within(1e-3));
            assertThatThrownBy(() -> Perplexity.evaluate(model, tokens, 40, 8))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("stride must be in 1..7");
        }
    }

    @Test
    void bitsPerCharIsTotalNatsOverCharsOverLn2() {
        EvalResult r = new EvalResult(4, 5, 10 * Math.log(2));
        assertThat(r.bitsPerChar()).isCloseTo(2.0, within(1e-12));
        assertThat(r.natsPerToken()).isCloseTo(10 * Math.log(2) / 4, within(1e-12));
        assertThat(r.toJson())
                .isEqualTo(
                        "{\"tokens\": 4, \"chars\": 5, \"nats_per_token\": 1.732868,"
                                + " \"bits_per_char\": 2.000000}");
    }

    /** -sum log p(tokens[p] | tokens[start..p)) for p in [from, end), from logitsAllPositions. */
    private static double windowNats(GptModel model, int[] tokens, int start, int end, int from) {
        float[][] logits =
                model.logitsAllPositions(java.util.Arrays.copyOfRange(tokens, start, end));
        double nats = 0;
        for (int p = from; p < end; p++) {
            float[] row = logits[p - start - 1];
            double max = Double.NEGATIVE_INFINITY;
            for (float v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (float v : row) {
                sum += Math.exp(v - max);
            }
            nats -= row[tokens[p]] - max - Math.log(sum);
        }
        return nats;
    }
}
