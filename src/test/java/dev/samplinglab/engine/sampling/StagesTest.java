package dev.samplinglab.engine.sampling;

import static dev.samplinglab.engine.sampling.Vectors.dist;
import static dev.samplinglab.engine.sampling.Vectors.ofProbs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each stage on small vectors whose results were computed by hand (python3, shown rounded). */
class StagesTest {
    private static final int[] NO_CONTEXT = {};

    @Test
    void softmaxOfTutorialVectorHasCorrectValues() {
        // The tutorial prints other numbers; these are exp(x_i) / sum exp(x_j).
        Distribution d = dist(0.2, 1.5, -0.3, 2.1, 0.5);
        assertThat(d.probs())
                .containsExactly(
                        new double[] {
                            0.0751225592, 0.2756469561, 0.0455641354, 0.5022615011, 0.1014048482
                        },
                        within(1e-9));
        assertThat(d.entropyBits()).isCloseTo(1.8298524906, within(1e-9));
    }

    static Stream<Arguments> temperatures() {
        return Stream.of(
                Arguments.of(
                        0.5,
                        new double[] {
                            0.0157339126, 0.1162587627, 0.0057881830, 0.8590425196, 0.0031766222
                        }),
                Arguments.of(
                        1.0,
                        new double[] {
                            0.0822152231, 0.2234841469, 0.0498660535, 0.6074928955, 0.0369416810
                        }),
                Arguments.of(
                        2.0,
                        new double[] {
                            0.1467109475, 0.2418854598, 0.1142586008, 0.3988017027, 0.0983432891
                        }));
    }

    @ParameterizedTest(name = "T = {0}")
    @MethodSource("temperatures")
    void temperatureScalesLogits(double t, double[] expected) {
        Distribution out = new Temperature(t).apply(new double[] {1.0, 2.0, 0.5, 3.0, 0.2});
        assertThat(out.probs()).containsExactly(expected, within(1e-9));
        assertThat(out.keptCount()).isEqualTo(5);
    }

    static Stream<Arguments> topPCases() {
        double[] quarter = {0.5, 0.25, 0.15, 0.10};
        double[] tie = {0.5, 0.25, 0.25};
        return Stream.of(
                // cumulative 0.5, 0.75 (crosses 0.7 at id 1), 0.9, 1.0
                Arguments.of(quarter, 0.7, TopPRule.INCLUSIVE, new int[] {0, 1}, 1),
                Arguments.of(quarter, 0.7, TopPRule.CUMSUM_LE_P, new int[] {0}, 1),
                // p below the first token: both rules keep one token
                Arguments.of(quarter, 0.3, TopPRule.INCLUSIVE, new int[] {0}, 0),
                Arguments.of(quarter, 0.3, TopPRule.CUMSUM_LE_P, new int[] {0}, 0),
                Arguments.of(quarter, 0.95, TopPRule.INCLUSIVE, new int[] {0, 1, 2, 3}, 3),
                Arguments.of(quarter, 0.95, TopPRule.CUMSUM_LE_P, new int[] {0, 1, 2}, 3),
                // exact tie: id 1 precedes id 2 (lower id), its cumulative 0.75 reaches p
                Arguments.of(tie, 0.75, TopPRule.INCLUSIVE, new int[] {0, 1}, 1),
                Arguments.of(tie, 0.75, TopPRule.CUMSUM_LE_P, new int[] {0, 1}, 1),
                Arguments.of(quarter, 1.0, TopPRule.INCLUSIVE, new int[] {0, 1, 2, 3}, 3));
    }

    @ParameterizedTest(name = "{2} p = {1}")
    @MethodSource("topPCases")
    void topPKeepsTheNucleus(
            double[] probs, double p, TopPRule rule, int[] expectedKept, int crossingId) {
        StageResult r = new TopP(p, rule).apply(ofProbs(probs), NO_CONTEXT);
        assertThat(r.out().keptIds()).containsExactly(expectedKept);
        assertThat(r.crossingId()).isEqualTo(crossingId);
    }

    @Test
    void topPRenormalizesOverTheFullVocabulary() {
        Distribution out =
                new TopP(0.7, TopPRule.INCLUSIVE).apply(Vectors.logitsOf(0.5, 0.25, 0.15, 0.10));
        assertThat(out.probs())
                .containsExactly(new double[] {2.0 / 3, 1.0 / 3, 0, 0}, within(1e-12));
    }

    @Test
    void topPReportsCumulativeSumsInItsSortedOrder() {
        StageResult r =
                new TopP(0.7, TopPRule.INCLUSIVE).apply(ofProbs(0.1, 0.5, 0.15, 0.25), NO_CONTEXT);
        // order: id1 0.5, id3 0.25, id2 0.15, id0 0.10
        assertThat(r.cumulative().of(new int[] {1, 3, 2, 0}))
                .containsExactly(new double[] {0.5, 0.75, 0.9, 1.0}, within(1e-12));
        assertThat(r.crossingId()).isEqualTo(3);
    }

    static Stream<Arguments> topKCases() {
        double[] ties = {1.0, 2.0, 2.0, 0.5, 2.0};
        return Stream.of(
                Arguments.of(ties, 1, new int[] {1}),
                // three tokens tie at 2.0: the lower ids 1 and 2 win, 4 is cut
                Arguments.of(ties, 2, new int[] {1, 2}),
                Arguments.of(ties, 3, new int[] {1, 2, 4}),
                Arguments.of(ties, 4, new int[] {0, 1, 2, 4}),
                Arguments.of(ties, 9, new int[] {0, 1, 2, 3, 4}),
                Arguments.of(new double[] {0.3, 0.1, 0.9, 0.2}, 2, new int[] {0, 2}));
    }

    @ParameterizedTest(name = "k = {1}")
    @MethodSource("topKCases")
    void topKKeepsExactlyKWithTiesByLowerId(double[] logits, int k, int[] expected) {
        assertThat(new TopK(k).apply(logits).keptIds()).containsExactly(expected);
    }

    static Stream<Arguments> minPCases() {
        double[] probs = {0.5, 0.25, 0.15, 0.10};
        return Stream.of(
                Arguments.of(probs, 0.5, new int[] {0, 1}), // threshold 0.25: exact ratio kept
                Arguments.of(probs, 0.3, new int[] {0, 1, 2}), // threshold 0.15
                Arguments.of(probs, 0.21, new int[] {0, 1, 2}), // threshold 0.105
                Arguments.of(probs, 0.2, new int[] {0, 1, 2, 3}), // threshold 0.10
                Arguments.of(probs, 1.0, new int[] {0}),
                Arguments.of(new double[] {0.4, 0.4, 0.2}, 1.0, new int[] {0, 1}));
    }

    @ParameterizedTest(name = "min-p = {1}")
    @MethodSource("minPCases")
    void minPKeepsTokensAboveAFractionOfTheMax(double[] probs, double minP, int[] expected) {
        assertThat(new MinP(minP).apply(Vectors.logitsOf(probs)).keptIds())
                .containsExactly(expected);
    }

    static Stream<Arguments> typicalCases() {
        // H = 1.2079737 nats; |-ln p - H| = 0.5148, 0.1783, 0.6891, 1.0946 for ids 0..3,
        // so the typical order is id1, id0, id2, id3 (cumulative 0.25, 0.75, 0.90, 1.0).
        double[] probs = {0.5, 0.25, 0.15, 0.10};
        return Stream.of(
                Arguments.of(probs, 0.2, new int[] {1}, 1), // the argmax is not the most typical
                Arguments.of(probs, 0.5, new int[] {0, 1}, 0),
                Arguments.of(probs, 0.8, new int[] {0, 1, 2}, 2),
                Arguments.of(probs, 0.95, new int[] {0, 1, 2, 3}, 3),
                // uniform: every deviation is 0, order by id
                Arguments.of(new double[] {0.25, 0.25, 0.25, 0.25}, 0.5, new int[] {0, 1}, 1));
    }

    @ParameterizedTest(name = "typical-p = {1}")
    @MethodSource("typicalCases")
    void typicalKeepsTokensClosestToTheEntropy(
            double[] probs, double mass, int[] expected, int crossingId) {
        StageResult r = new TypicalP(mass).apply(ofProbs(probs), NO_CONTEXT);
        assertThat(r.out().keptIds()).containsExactly(expected);
        assertThat(r.crossingId()).isEqualTo(crossingId);
    }

    @Test
    void repetitionPenaltyDividesPositiveAndMultipliesNegativeLogits() {
        double[] logits = {2.0, -1.0, 0.5, 1.0, -0.5};
        int[] context = {0, 1, 1, 3}; // distinct: 0 (positive), 1 (negative), 3 (positive)
        Distribution out = new RepetitionPenalty(1.5, 0).apply(dist(logits), context).out();
        assertThat(out.maskedLogits())
                .containsExactly(
                        new double[] {2.0 / 1.5, -1.5, 0.5, 1.0 / 1.5, -0.5}, within(1e-12));
        assertThat(out.probs())
                .containsExactly(
                        new double[] {
                            0.4615289018, 0.0271455016, 0.2005796339, 0.2369568391, 0.0737891236
                        },
                        within(1e-9));
    }

    @Test
    void frequencyAndPresencePenaltiesSubtractCountsAndPresence() {
        double[] logits = {2.0, -1.0, 0.5, 1.0, -0.5};
        int[] context = {0, 1, 1, 3}; // counts: id0 1, id1 2, id3 1
        Distribution out =
                new FrequencyPresencePenalty(0.5, 0.3, 0).apply(dist(logits), context).out();
        assertThat(out.maskedLogits())
                .containsExactly(new double[] {1.2, -2.3, 0.5, 0.2, -0.5}, within(1e-12));
        assertThat(out.probs())
                .containsExactly(
                        new double[] {
                            0.4813835381, 0.0145365233, 0.2390479905, 0.1770911070, 0.0879408412
                        },
                        within(1e-9));
    }

    @Test
    void penaltyWindowOnlySeesTheLastTokens() {
        double[] logits = {2.0, -1.0, 0.5};
        int[] context = {0, 0, 1, 2};
        Distribution out =
                new FrequencyPresencePenalty(1.0, 0, 2).apply(dist(logits), context).out();
        // window {1, 2}: id 0 untouched
        assertThat(out.maskedLogits())
                .containsExactly(new double[] {2.0, -2.0, -0.5}, within(1e-12));
        Distribution rep = new RepetitionPenalty(2.0, 1).apply(dist(logits), context).out();
        assertThat(rep.maskedLogits())
                .containsExactly(new double[] {2.0, -1.0, 0.25}, within(1e-12));
    }

    @Test
    void penaltiesLeaveDroppedTokensDropped() {
        double[] logits = {1.0, Double.NEGATIVE_INFINITY, 0.5};
        Distribution out =
                new RepetitionPenalty(2.0, 0).apply(dist(logits), new int[] {1, 2}).out();
        assertThat(out.keptIds()).containsExactly(0, 2);
        assertThat(out.logit(1)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(out.logit(2)).isEqualTo(0.25);
    }

    @Test
    void penaltyUpdatesMatchAFullRecomputation() {
        double[] logits = {9.0, 1.0, 0.5, -3.0, 2.0};
        Distribution out =
                new FrequencyPresencePenalty(2.0, 2.0, 0)
                        .apply(dist(logits), new int[] {0, 0, 0, 4})
                        .out();
        // id 0: 9 - 3*2 - 2 = 1 (it held almost all the mass); id 4: 2 - 1*2 - 2 = -2
        Distribution expected = dist(1.0, 1.0, 0.5, -3.0, -2.0);
        assertThat(out.probs()).containsExactly(expected.probs(), within(1e-12));
    }

    @Test
    void temperatureAfterPenaltiesMatchesADirectComputation() {
        double[] logits = {4.0, 1.0, 3.5, -2.0};
        // lower the max token (id 0): 4 / 4 = 1; raise id 1 above it: 1 + 2 * 2 + 2 = 7
        Distribution lowered =
                new RepetitionPenalty(4.0, 0).apply(dist(logits), new int[] {0}).out();
        Distribution raised =
                new FrequencyPresencePenalty(-2.0, -2.0, 0)
                        .apply(dist(logits), new int[] {1, 1})
                        .out();
        assertThat(new Temperature(0.5).apply(lowered, NO_CONTEXT).out().probs())
                .containsExactly(dist(2.0, 2.0, 7.0, -4.0).probs(), within(1e-12));
        assertThat(new Temperature(0.5).apply(raised, NO_CONTEXT).out().probs())
                .containsExactly(dist(8.0, 14.0, 7.0, -4.0).probs(), within(1e-12));
    }
}
