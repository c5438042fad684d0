package dev.samplinglab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunMetricsTest {

    private static List<RunMetrics.Step> steps(int... ids) {
        List<RunMetrics.Step> out = new ArrayList<>();
        for (int id : ids) {
            out.add(new RunMetrics.Step(id, 0.5, 1.0, 3));
        }
        return out;
    }

    @Test
    void logProbPerplexityEntropyAndNucleusByHand() {
        // p = 0.5, 0.25, 1.0: ln = -0.693147, -1.386294, 0 -> mean -0.693147, ppl = 2
        List<RunMetrics.Step> s =
                List.of(
                        new RunMetrics.Step(1, 0.5, 1.0, 2),
                        new RunMetrics.Step(2, 0.25, 2.0, 4),
                        new RunMetrics.Step(3, 1.0, 0.0, 1));
        RunMetrics m = RunMetrics.of(s);
        assertThat(m.steps()).isEqualTo(3);
        assertThat(m.meanLogProb()).isCloseTo(-Math.log(2), within(1e-12));
        assertThat(m.perplexity()).isCloseTo(2.0, within(1e-12));
        assertThat(m.meanEntropyBits()).isCloseTo(1.0, within(1e-12));
        assertThat(m.meanNucleus()).isCloseTo(7 / 3.0, within(1e-12));
    }

    @Test
    void distinctNgramsByHand() {
        // a b a b a: unigrams {a,b} of 5 -> 0.4; bigrams ab ba ab ba -> {ab,ba} of 4 -> 0.5
        RunMetrics m = RunMetrics.of(steps(1, 2, 1, 2, 1));
        assertThat(m.distinct1()).isCloseTo(0.4, within(1e-12));
        assertThat(m.distinct2()).isCloseTo(0.5, within(1e-12));
        // 4-grams: abab, baba -> both distinct -> repetition 0
        assertThat(m.repetition4()).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void repeatedFourGramsByHand() {
        // a b c d a b c d: 4-grams abcd bcda cdab dabc abcd -> 4 unique of 5 -> 1 repeated = 0.2
        RunMetrics m = RunMetrics.of(steps(1, 2, 3, 4, 1, 2, 3, 4));
        assertThat(m.repetition4()).isCloseTo(0.2, within(1e-12));
        // the same token 6 times: 3 four-grams, 1 unique -> 2/3 repeated
        assertThat(RunMetrics.of(steps(7, 7, 7, 7, 7, 7)).repetition4())
                .isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void emptyAndShortRunsGiveNaNWhereUndefined() {
        RunMetrics empty = RunMetrics.of(List.of());
        assertThat(empty.steps()).isZero();
        assertThat(empty.meanLogProb()).isNaN();
        assertThat(empty.distinct1()).isNaN();
        RunMetrics three = RunMetrics.of(steps(1, 1, 2));
        assertThat(three.distinct1()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(three.repetition4()).isNaN();
    }

    @Test
    void firstDifference() {
        assertThat(RunMetrics.firstDifference(new int[] {1, 2, 3}, new int[] {1, 2, 4}))
                .isEqualTo(2);
        assertThat(RunMetrics.firstDifference(new int[] {1, 2}, new int[] {1, 2, 4})).isEqualTo(-1);
        assertThat(RunMetrics.firstDifference(new int[] {5}, new int[] {6})).isZero();
    }
}
