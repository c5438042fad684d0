package dev.samplinglab.engine.generate.beam;

import static java.lang.Math.log;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Beam search on hand-built tables, each expected beam, fate, score and final ranking worked out by
 * hand in the comments (p = probability, s = cumulative log-probability, HF semantics).
 */
class BeamSearchTest {
    private static final double EPS = 1e-6;
    private static final int[] EOS = {0};

    /** The Hugging Face blog's example ("how to generate"): greedy misses the likelier sentence. */
    static TableModel blog() {
        return new TableModel(
                        "<eos>", "nice", "dog", "car", "woman", "house", "guy", "has", "runs",
                        "and", "The")
                .row("", "nice", .5, "dog", .4, "car", .1)
                .row("nice", "woman", .4, "house", .3, "guy", .3)
                .row("dog", "has", .9, "runs", .05, "and", .05)
                .row("car", "runs", 1.0);
    }

    @Test
    void greedyMissesTheBestBeam() {
        TableModel m = blog();
        BeamSettings s = BeamSettings.of(2, 2);
        try (BeamDecoding beam = new BeamDecoding(m, s, m.ids("The"), EOS, 100);
                GreedyTrack greedy = new GreedyTrack(m, m.ids("The"), EOS, 2, 0)) {
            // step 0 from beam 0 only: nice s=ln.5, dog s=ln.4 kept; car pruned; the 4th is an
            // unlisted token (<eos>, lowest id among the 1e-12 ties) ranked 3 >= 2: skipped
            BeamStep s0 = beam.step();
            assertThat(texts(m, s0.beams())).containsExactly("nice", "dog");
            assertThat(s0.candidates())
                    .extracting(BeamCandidate::fate)
                    .containsExactly(Fate.KEPT, Fate.KEPT, Fate.PRUNED, Fate.EOS_SKIPPED);
            // step 1 reaches max_length: dog has s=ln.4+ln.9=-1.0217, nice woman ln.5+ln.4=-1.6094,
            // nice house / nice guy ln.5+ln.3 (house has the lower id); all hit the length
            // limit, the top 2 finish with score s/2
            BeamStep s1 = beam.step();
            assertThat(s1.candidates())
                    .extracting(c -> m.text(new int[] {c.token()}))
                    .containsExactly("has", "woman", "house", "guy");
            assertThat(s1.candidates())
                    .extracting(BeamCandidate::fate)
                    .containsExactly(Fate.FINISHED, Fate.FINISHED, Fate.PRUNED, Fate.PRUNED);
            assertThat(s1.stop()).isEqualTo(BeamStop.LENGTH);
            List<Hypothesis> best = beam.search().best(2);
            assertThat(m.text(best.get(0).tokens())).isEqualTo("dog has");
            assertThat(best.get(0).score()).isCloseTo((log(.4) + log(.9)) / 2, within(EPS));
            assertThat(m.text(best.get(1).tokens())).isEqualTo("nice woman");
            greedy.step();
            greedy.step();
            assertThat(m.text(greedy.tokens())).isEqualTo("nice woman");
            assertThat(greedy.sumLogProbs()).isCloseTo(log(.5) + log(.4), within(EPS));
            assertThat(best.get(0).sumLogProbs()).isGreaterThan(greedy.sumLogProbs());
        }
    }

    @Test
    void anEosRankedAtNumBeamsOrLowerIsSkippedAndAboveItFinishes() {
        TableModel m =
                new TableModel("<eos>", "a", "b", "P")
                        .row("", "a", .4, "b", .35, "<eos>", .25)
                        .otherwise("a", .5, "b", .5);
        // 2 beams: <eos> ranks 2 (after a, b): skipped although p = .25, nothing finishes
        try (BeamDecoding two = new BeamDecoding(m, BeamSettings.of(2, 3), m.ids("P"), EOS, 99)) {
            BeamStep step = two.step();
            assertThat(step.candidates().get(2).fate()).isEqualTo(Fate.EOS_SKIPPED);
            assertThat(step.finished()).isEmpty();
            assertThat(texts(m, step.beams())).containsExactly("a", "b");
        }
        // 3 beams: the same <eos> ranks 2 < 3: a finished hypothesis of length 1, score ln .25
        try (BeamDecoding three = new BeamDecoding(m, BeamSettings.of(3, 3), m.ids("P"), EOS, 99)) {
            BeamStep step = three.step();
            assertThat(step.candidates().get(2).fate()).isEqualTo(Fate.FINISHED);
            assertThat(step.finished())
                    .singleElement()
                    .satisfies(h -> assertThat(h.score()).isCloseTo(log(.25), within(EPS)));
        }
    }

    /**
     * Short [eos] (s = ln .45, length 1) against a c d (s = ln .35 + ln .9 + ln .95 = -1.2065,
     * length 3). Score s / len^lp: lp = 1 gives -0.4022 vs -0.7985, the long one wins; lp = 0 and
     * lp = -1 (-3.6195) let the short one win.
     */
    static TableModel lengthTable() {
        return new TableModel("<eos>", "a", "b", "c", "d", "e", "P")
                .row("", "<eos>", .45, "a", .35, "b", .20)
                .row("a", "c", .90, "<eos>", .05, "d", .05)
                .row("b", "c", .5, "d", .5)
                .row("a c", "d", .95, "<eos>", .05)
                .row("b c", "d", .5, "e", .5)
                .otherwise("d", .5, "e", .5);
    }

    static Stream<Arguments> lengthPenalties() {
        double longSum = log(.35) + log(.9) + log(.95);
        return Stream.of(
                Arguments.of(1.0, "a c d", longSum / 3, "<eos>"),
                // lp = 2: b c d (ln .2 + ln .5 + ln .5 = -2.9957, / 9 = -0.3329) passes <eos> too
                Arguments.of(2.0, "a c d", longSum / 9, "b c d"),
                Arguments.of(0.0, "<eos>", log(.45), "a c d"),
                Arguments.of(-1.0, "<eos>", log(.45), "a c d"));
    }

    @ParameterizedTest
    @MethodSource("lengthPenalties")
    void lengthPenaltyChangesTheChosenSequence(
            double lp, String best, double bestScore, String second) {
        TableModel m = lengthTable();
        BeamSettings s = BeamSettings.of(2, 3).withLengthPenalty(lp).withNumReturnSequences(2);
        try (BeamDecoding d = new BeamDecoding(m, s, m.ids("P"), EOS, 99)) {
            List<Hypothesis> out = d.run(() -> false);
            assertThat(m.text(out.get(0).tokens())).isEqualTo(best);
            assertThat(out.get(0).score()).isCloseTo(bestScore, within(EPS));
            assertThat(m.text(out.get(1).tokens())).isEqualTo(second);
            // the same three steps whatever lp: a <eos> ranks 3 at step 1 and is skipped
            assertThat(d.history()).hasSize(3);
            assertThat(d.history().get(1).candidates().get(3).fate()).isEqualTo(Fate.EOS_SKIPPED);
            assertThat(d.history().get(2).stop()).isEqualTo(BeamStop.LENGTH);
        }
    }

    /**
     * Two beams, lp = 1, max_new_tokens 6 (max_length 7 with the prompt).
     *
     * <pre>
     * step 0: <eos> s=ln.4=-0.9163 finishes (h1, score -0.9163); a -1.0498, b -1.3863 run
     * step 1: a <eos> = a c = -1.7430 (eos has the lower id: rank 0, finishes h2 = -1.7430/2
     *         = -0.8715); b c -1.8971; running a c, b c. Two finished: early_stopping=true stops.
     *         false: best running -1.7430 / 2 = -0.8715 > worst finished -0.9163: go on.
     * step 2: a c + anything = -1.7430 + ln.25 = -3.1293; b c d = -1.8971 + ln.4 = -2.8134,
     *         b c e = -1.8971 + ln.35 = -2.9469: running b c d, b c e.
     *         false: -2.8134 / 3 = -0.9378 <= -0.9163: no improvement, stop.
     *         never (lp > 0): -2.8134 / (7 - 1) = -0.4689 > -0.9163: go on.
     * step 3: b c d <eos> = b c d a = -2.8134 + ln.5 = -3.5066: eos ranks 0 and finishes with
     *         -3.5066/4 = -0.8766 (h1 drops out); -3.5066/6 = -0.5844 > -0.8766: go on.
     * step 4: -4.1997/6 = -0.7000 > -0.8766: go on.
     * step 5: the length limit: b c d a a a and b c d a a b (-4.8929/6 = -0.8155) finish.
     * </pre>
     */
    static TableModel stoppingTable() {
        return new TableModel("<eos>", "a", "b", "c", "d", "e", "P")
                .row("", "<eos>", .40, "a", .35, "b", .25)
                .row("a", "<eos>", .5, "c", .5)
                .row("b", "c", .6, "d", .4)
                .row("a c", "a", .25, "c", .25, "d", .25, "e", .25)
                .row("b c", "d", .40, "e", .35, "c", .25)
                .row("b c d", "<eos>", .5, "a", .5)
                .otherwise("a", .5, "b", .5);
    }

    static Stream<Arguments> stoppingModes() {
        return Stream.of(
                Arguments.of(
                        EarlyStopping.TRUE,
                        1,
                        BeamStop.EARLY_STOPPING,
                        "a <eos>",
                        (log(.35) + log(.5)) / 2),
                Arguments.of(
                        EarlyStopping.FALSE,
                        2,
                        BeamStop.NO_IMPROVEMENT,
                        "a <eos>",
                        (log(.35) + log(.5)) / 2),
                Arguments.of(
                        EarlyStopping.NEVER,
                        5,
                        BeamStop.LENGTH,
                        "b c d a a a",
                        (log(.25) + log(.6) + log(.4) + log(.5) * 3) / 6));
    }

    @ParameterizedTest
    @MethodSource("stoppingModes")
    void eachEarlyStoppingModeStopsWhereTheFormulaSays(
            EarlyStopping mode, int lastStep, BeamStop reason, String best, double score) {
        TableModel m = stoppingTable();
        BeamSettings s = BeamSettings.of(2, 6).withEarlyStopping(mode);
        try (BeamDecoding d = new BeamDecoding(m, s, m.ids("P"), EOS, 99)) {
            List<Hypothesis> out = d.run(() -> false);
            assertThat(d.history()).hasSize(lastStep + 1);
            assertThat(d.history().get(lastStep).stop()).isEqualTo(reason);
            assertThat(m.text(out.get(0).tokens())).isEqualTo(best);
            assertThat(out.get(0).score()).isCloseTo(score, within(EPS));
        }
    }

    @Test
    void stepOneOfTheStoppingTableRanksAndFinishesAsWorkedOut() {
        TableModel m = stoppingTable();
        try (BeamDecoding d = new BeamDecoding(m, BeamSettings.of(2, 6), m.ids("P"), EOS, 99)) {
            d.step();
            BeamStep s1 = d.step();
            assertThat(s1.candidates())
                    .extracting(c -> m.text(new int[] {c.token()}))
                    .containsExactly("<eos>", "c", "c", "d");
            assertThat(s1.candidates())
                    .extracting(BeamCandidate::parent)
                    .containsExactly(0, 0, 1, 1);
            assertThat(s1.candidates())
                    .extracting(BeamCandidate::fate)
                    .containsExactly(Fate.FINISHED, Fate.KEPT, Fate.KEPT, Fate.PRUNED);
            assertThat(s1.finished())
                    .extracting(Hypothesis::score)
                    .satisfiesExactly(
                            a -> assertThat(a).isCloseTo((log(.35) + log(.5)) / 2, within(EPS)),
                            b -> assertThat(b).isCloseTo(log(.4), within(EPS)));
            assertThat(s1.beams())
                    .extracting(Beam::score)
                    .satisfiesExactly(
                            a -> assertThat(a).isCloseTo(log(.35) + log(.5), within(EPS)),
                            b -> assertThat(b).isCloseTo(log(.25) + log(.6), within(EPS)));
        }
    }

    @Test
    void noRepeatNgramBansTheRepeatedContinuation() {
        // without the ban both beams would repeat "a b" -> "a"
        TableModel m =
                new TableModel("<eos>", "a", "b", "c", "P")
                        .row("", "a", .9, "c", .1)
                        .row("a", "b", .9, "c", .1)
                        .row("a b", "a", .9, "c", .1)
                        .row("a b a", "b", .9, "c", .1)
                        .otherwise("c", .5, "a", .5);
        BeamSettings s = BeamSettings.of(2, 4).withNoRepeatNgramSize(2);
        try (BeamDecoding d = new BeamDecoding(m, s, m.ids("P"), EOS, 99)) {
            List<Hypothesis> out = d.run(() -> false);
            assertThat(m.text(out.get(0).tokens())).isEqualTo("a b a c");
        }
    }

    @Test
    void backRestoresTheBeamsAndStepsAgainIdentically() {
        TableModel m = stoppingTable();
        BeamSettings s = BeamSettings.of(2, 6).withEarlyStopping(EarlyStopping.NEVER);
        try (BeamDecoding d = new BeamDecoding(m, s, m.ids("P"), EOS, 99)) {
            d.step();
            d.step();
            BeamStep third = d.step();
            d.back();
            assertThat(d.history()).hasSize(2);
            assertThat(texts(m, d.search().running())).containsExactly("a c", "b c");
            BeamStep again = d.step();
            assertThat(texts(m, again.beams())).isEqualTo(texts(m, third.beams()));
            assertThat(again.finished()).hasSameSizeAs(third.finished());
        }
    }

    @Test
    void topCandidatesKeepTheFirstOfEqualValues() {
        TopCandidates top = new TopCandidates(3);
        double[] values = {1, 3, 3, Double.NEGATIVE_INFINITY, 2, 3};
        for (int i = 0; i < values.length; i++) {
            top.offer(values[i], i);
        }
        assertThat(new int[] {top.index(0), top.index(1), top.index(2)}).containsExactly(1, 2, 5);
    }

    private static List<String> texts(TableModel m, List<Beam> beams) {
        return beams.stream().map(b -> m.text(b.tokens())).toList();
    }
}
