package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every stage must have, checked on seeded random vectors. */
class StagePropertiesTest {

    static Stream<SamplingStage> stages() {
        return Stream.of(
                new Temperature(0.3),
                new Temperature(2.5),
                new TopK(1),
                new TopK(7),
                new TopP(0.05, TopPRule.INCLUSIVE),
                new TopP(0.6, TopPRule.CUMSUM_LE_P),
                new TopP(0.9, TopPRule.INCLUSIVE),
                new MinP(0.5),
                new MinP(1.0),
                new TypicalP(0.01),
                new TypicalP(0.7),
                new RepetitionPenalty(1.8, 0),
                new RepetitionPenalty(0.5, 3),
                new FrequencyPresencePenalty(2.0, 2.0, 0),
                new FrequencyPresencePenalty(-1.0, 0.5, 4));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void neverMutatesItsInputAndKeepsAtLeastOneToken(SamplingStage stage) {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 50; trial++) {
            double[] logits = randomLogits(random, 1 + random.nextInt(40));
            int[] context = random.ints(6, 0, logits.length).toArray();
            double[] logitsCopy = logits.clone();
            int[] contextCopy = context.clone();
            Distribution in = Distribution.ofLogits(logits);
            double[] inProbs = in.probs();
            Distribution out = stage.apply(in, context).out();
            assertThat(logits).containsExactly(logitsCopy);
            assertThat(context).containsExactly(contextCopy);
            assertThat(in.probs()).containsExactly(inProbs);
            assertThat(out.keptCount()).isBetween(1, in.keptCount());
            assertThat(sum(out.probs())).isCloseTo(1.0, within(1e-12));
        }
    }

    @ParameterizedTest
    @MethodSource("stages")
    void filtersKeepThePreviouslyKeptMostProbableToken(SamplingStage stage) {
        if (stage.kind() == StageKind.TYPICAL_P
                || stage instanceof RepetitionPenalty
                || stage instanceof FrequencyPresencePenalty) {
            return; // typical may drop the argmax by design; penalties reorder tokens
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            double[] logits = randomLogits(random, 2 + random.nextInt(30));
            Distribution out = stage.apply(logits);
            assertThat(out.isKept(new GreedyPicker().pick(Distribution.ofLogits(logits), 0)))
                    .isTrue();
        }
    }

    @Test
    void uniformStaysUniformUnderTemperature() {
        double[] uniform = new double[50];
        for (double t : new double[] {0.05, 0.5, 1.0, 3.0}) {
            double[] probs = new Temperature(t).apply(uniform).probs();
            for (double p : probs) {
                assertThat(p).isCloseTo(0.02, within(1e-15));
            }
        }
    }

    @Test
    void neutralSettingsChangeNothing() {
        SamplingSettings neutral =
                SamplingSettings.builder()
                        .topK(0)
                        .topP(1)
                        .minP(0)
                        .typicalP(1)
                        .repetitionPenalty(1)
                        .temperature(1)
                        .build();
        assertThat(neutral).isEqualTo(SamplingSettings.neutral());
        assertThat(neutral.activeStages()).isEmpty();
        SplittableRandom random = new SplittableRandom(3);
        double[] logits = randomLogits(random, 30);
        float[] f = Vectors.floats(logits);
        StepTrace t = SamplingPipeline.of(neutral).run(f, new int[] {1, 2, 2}, 0.3, null, 30);
        assertThat(t.stages()).isEmpty();
        assertThat(t.full().finalProbs())
                .containsExactly(Distribution.ofLogits(f).probs(), within(1e-15));
        // each stage at its neutral value is the identity too
        for (SamplingStage stage :
                List.of(
                        new TopK(0),
                        new TopP(1, TopPRule.INCLUSIVE),
                        new TopP(1, TopPRule.CUMSUM_LE_P),
                        new MinP(0),
                        new TypicalP(1),
                        new Temperature(1),
                        new RepetitionPenalty(1, 0),
                        new FrequencyPresencePenalty(0, 0, 0))) {
            Distribution out = stage.apply(Distribution.ofLogits(logits), new int[] {1, 2}).out();
            assertThat(out.probs())
                    .as(stage.kind().traceName())
                    .containsExactly(Distribution.ofLogits(logits).probs(), within(1e-15));
        }
    }

    @Test
    void fullVocabularyTraceIsConsistentWithTheStageArrays() {
        SplittableRandom random = new SplittableRandom(11);
        double[] logits = randomLogits(random, 5000);
        SamplingSettings s =
                SamplingSettings.builder()
                        .temperature(0.8)
                        .topP(0.95)
                        .minP(0.001)
                        .repetitionPenalty(1.3)
                        .build();
        StepTrace t =
                SamplingPipeline.of(s)
                        .run(Vectors.floats(logits), new int[] {5, 6, 7}, 0.42, null, 100);
        double[] finalProbs = t.full().finalProbs();
        assertThat(sum(finalProbs)).isCloseTo(1.0, within(1e-9));
        for (Candidate c : t.finalDist().candidates()) {
            assertThat(c.prob()).isEqualTo(finalProbs[c.id()]);
            assertThat(c.kept()).isEqualTo(finalProbs[c.id()] > 0);
        }
        // ranks agree with a full sort of the probabilities (ties by id)
        double[] rawProbs = Distribution.ofLogits(Vectors.floats(logits)).probs();
        assertRanksMatchAFullSort(t.raw(), rawProbs);
        assertRanksMatchAFullSort(t.finalDist(), finalProbs);
        assertThat(t.finalDist().keptCount())
                .isEqualTo((int) java.util.Arrays.stream(finalProbs).filter(p -> p > 0).count());
    }

    @Test
    void everyStageRanksMatchAFullSortIncludingAfterPenalties() {
        SplittableRandom random = new SplittableRandom(5);
        double[] logits = randomLogits(random, 2000);
        Distribution raw = Distribution.ofLogits(logits);
        int[] top = TokenOrder.top(null, raw.logits, 30);
        // the context repeats some of the most probable tokens and some others
        int[] context = {top[0], top[0], top[3], top[7], 5, 6, 1500, top[20]};
        SamplingSettings s =
                SamplingSettings.builder()
                        .repetitionPenalty(1.7)
                        .frequencyPenalty(0.6)
                        .presencePenalty(0.4)
                        .temperature(0.7)
                        .topP(0.97)
                        .build();
        StepTrace t = SamplingPipeline.of(s).run(Vectors.floats(logits), context, 0.5, null, 2000);
        for (StageTrace stage : t.stages()) {
            assertRanksMatchAFullSort(stage, Vectors.probsById(stage, 2000));
        }
        assertRanksMatchAFullSort(t.finalDist(), t.full().finalProbs());
        StepTrace shortList =
                SamplingPipeline.of(s).run(Vectors.floats(logits), context, 0.5, null, 40);
        for (int i = 0; i < shortList.stages().size(); i++) {
            for (Candidate c : shortList.stages().get(i).candidates()) {
                Candidate full =
                        t.stages().get(i).candidates().stream()
                                .filter(x -> x.id() == c.id())
                                .findFirst()
                                .orElseThrow();
                assertThat(c.rank()).isEqualTo(full.rank());
                assertThat(c.prob()).isEqualTo(full.prob());
            }
        }
    }

    private static void assertRanksMatchAFullSort(StageTrace stage, double[] probs) {
        for (Candidate c : stage.candidates()) {
            int ahead = 0;
            for (int j = 0; j < probs.length; j++) {
                if (probs[j] > c.prob() || (probs[j] == c.prob() && j < c.id())) {
                    ahead++;
                }
            }
            assertThat(c.rank()).as("rank of %d", c.id()).isEqualTo(ahead);
        }
    }

    @Test
    void partialSortsAgreeWithAFullSort() {
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 20; trial++) {
            double[] logits = randomLogits(random, 3000);
            logits[10] = logits[11] = logits[12]; // more ties
            Distribution in = Distribution.ofLogits(logits);
            int[] order = bruteForceOrder(in);
            double p = 0.05 + 0.9 * random.nextDouble();
            StageResult r = new TopP(p, TopPRule.INCLUSIVE).apply(in, new int[0]);
            double before = 0;
            int expectedKept = 0;
            double[] cumulative = new double[logits.length];
            for (int id : order) {
                if (before < p - TopP.TOLERANCE) {
                    expectedKept++;
                }
                before += in.prob(id);
                cumulative[id] = before;
            }
            assertThat(r.out().keptCount()).isEqualTo(expectedKept);
            int[] some = random.ints(50, 0, logits.length).toArray();
            double[] got = r.cumulative().of(some);
            for (int i = 0; i < some.length; i++) {
                double expected = in.isKept(some[i]) ? cumulative[some[i]] : 1.0;
                assertThat(got[i]).isCloseTo(expected, within(1e-12));
            }
            double u = random.nextDouble();
            int expectedPick = order[order.length - 1];
            double c = 0;
            for (int id : order) {
                c += in.prob(id);
                if (u < c) {
                    expectedPick = id;
                    break;
                }
            }
            assertThat(new InverseCdfPicker().pick(in, u)).isEqualTo(expectedPick);
        }
    }

    private static int[] bruteForceOrder(Distribution d) {
        return java.util.stream.IntStream.of(d.keptIds())
                .boxed()
                .sorted(
                        (a, b) ->
                                d.prob(a) != d.prob(b)
                                        ? Double.compare(d.prob(b), d.prob(a))
                                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    static double[] randomLogits(SplittableRandom random, int n) {
        double[] logits = new double[n];
        for (int i = 0; i < n; i++) {
            logits[i] = random.nextGaussian() * 2;
        }
        if (n > 3) {
            logits[1] = logits[2]; // a tie
            logits[3] = Double.NEGATIVE_INFINITY;
        }
        return logits;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }
}
