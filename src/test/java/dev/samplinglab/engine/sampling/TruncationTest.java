package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline over a server's head, by hand: the server sent ids 0, 1, 2 with p = 1/2, 1/4, 1/8 of
 * a vocabulary of 6 (1/8 unseen). Each row: the strategy, the stages with a caveat that changes the
 * answer, a phrase of the first such caveat, and the final probabilities of ids 0..2.
 */
class TruncationTest {
    static final float[] HEAD = {
        (float) Math.log(0.5),
        (float) Math.log(0.25),
        (float) Math.log(0.125),
        Float.NEGATIVE_INFINITY,
        Float.NEGATIVE_INFINITY,
        Float.NEGATIVE_INFINITY
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                // no cut: the picker draws from the head renormalized (4/7, 2/7, 1/7)
                "none|final|draws only from the 3 tokens the server sent; 12.5%|0.571429 0.285714 0.142857",
                "top-k 2|||0.666667 0.333333 0",
                "top-k 3|||0.571429 0.285714 0.142857",
                "top-k 4|top_k final|keeps 4 tokens, more than the 3 the server sent|0.571429 0.285714 0.142857",
                "top-p 0.7|||0.666667 0.333333 0",
                "top-p 0.9|top_p final|extends past the 3 tokens the server sent: they hold 87.5%, short of p = 0.9|0.571429 0.285714 0.142857",
                "min-p 0.3|||0.666667 0.333333 0",
                "min-p 0.2|min_p final|keeps every token the server sent|0.571429 0.285714 0.142857",
                // T 0.5: weights 1/4, 1/16, 1/64; the tail adds at most p_N^(2-1) * 1/8 = 1/64
                "T 0.5, top-p 0.8|||0.8 0.2 0",
                "T 0.5, top-p 0.95|top_p final|depends on the unseen tail|0.8 0.2 0",
                "T 2, top-p 0.5|top_p final|may extend past the 3 tokens|0.585786 0.414214 0",
                "greedy|||0.5 0.25 0.125",
            })
    void cutsInsideTheHeadAreExactAndTheOthersSaySo(
            String strategy, String stages, String phrase, String finals) {
        SamplingPipeline p =
                SamplingPipeline.of(settings(strategy)).overTopLogProbs(Optional.empty());
        StepTrace t = p.run(HEAD, new int[] {0}, 0.3, id -> "t" + id, 10);
        Truncation tr = t.truncation();
        assertThat(tr.sent()).isEqualTo(3);
        assertThat(tr.restMass()).isCloseTo(0.125, within(1e-6));
        assertThat(t.raw().candidates()).hasSize(3);
        assertThat(t.raw().candidates().get(0).prob()).isCloseTo(0.5, within(1e-7));
        assertThat(t.raw().restMass()).isCloseTo(0.125, within(1e-6));
        List<String> expected = stages == null ? List.of() : List.of(stages.split(" "));
        List<String> flagged =
                tr.caveats().stream()
                        .filter(Truncation.StageCaveat::changesAnswer)
                        .map(Truncation.StageCaveat::stage)
                        .toList();
        assertThat(flagged).containsExactlyElementsOf(expected);
        assertThat(tr.exact()).isEqualTo(expected.isEmpty());
        if (phrase != null) {
            assertThat(tr.caveat(expected.get(0)))
                    .hasValueSatisfying(c -> assertThat(c).contains(phrase));
        }
        double[] want = Arrays.stream(finals.split(" ")).mapToDouble(Double::parseDouble).toArray();
        for (int id = 0; id < 3; id++) {
            assertThat(t.finalDist().candidates().get(id).prob())
                    .as("final p of id %d", id)
                    .isCloseTo(want[id], within(1e-5));
        }
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.25, 0.125", "0.9, 0.05, 0.01"})
    void theRawHeadKeepsTheServersProbabilities(double a, double b, double c) {
        float[] lp = {
            (float) Math.log(a), (float) Math.log(b), (float) Math.log(c), Float.NEGATIVE_INFINITY
        };
        Distribution d = Distribution.ofTopLogProbs(lp);
        assertThat(d.prob(0)).isCloseTo(a, within(1e-7));
        assertThat(d.unseenMass()).isCloseTo(1 - a - b - c, within(1e-6));
        assertThat(d.renormalized().prob(0)).isCloseTo(a / (a + b + c), within(1e-7));
        assertThat(d.renormalized().unseenMass()).isZero();
    }

    @Test
    void theEntropyOfAServersHeadIsALowerBoundThatCountsTheUnseenTail() {
        // head 0.5 and 0.25 -> 0.5 * 1 + 0.25 * 2 = 1 bit; the unseen 0.25 is spread over tokens
        // at most as likely as 0.25, so it adds at least 0.25 * log2(1 / 0.25) = 0.5 bit
        float[] lp = {(float) Math.log(0.5), (float) Math.log(0.25), Float.NEGATIVE_INFINITY};
        assertThat(Distribution.ofTopLogProbs(lp).entropyBits()).isCloseTo(1.5, within(1e-6));
        assertThat(Distribution.ofTopLogProbs(lp).renormalized().entropyBits())
                .isCloseTo(-(2 / 3.0) * log2(2 / 3.0) - (1 / 3.0) * log2(1 / 3.0), within(1e-6));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static SamplingSettings settings(String strategy) {
        SamplingSettings.Builder b = SamplingSettings.builder();
        if (strategy.equals("none")) {
            return b.build();
        }
        for (String part : strategy.split(", ")) {
            String[] kv = part.split(" ");
            switch (kv[0]) {
                case "greedy" -> b.greedy(true);
                case "T" -> b.temperature(Double.parseDouble(kv[1]));
                case "top-k" -> b.topK(Integer.parseInt(kv[1]));
                case "top-p" -> b.topP(Double.parseDouble(kv[1]));
                case "min-p" -> b.minP(Double.parseDouble(kv[1]));
                default -> throw new IllegalArgumentException(part);
            }
        }
        return b.build();
    }
}
