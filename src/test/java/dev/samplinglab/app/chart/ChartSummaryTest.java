package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The screen-reader summaries on hand-built traces over three tokens: the, you, cat. */
class ChartSummaryTest {
    private static final String[] PIECES = {"the", "you", "cat"};

    /** A stage over the three tokens with the given probabilities (0 = dropped). */
    private static StageTrace stage(
            StageKind kind,
            String name,
            Map<String, Object> params,
            int keptCount,
            double keptMass,
            int crossingId,
            double... probs) {
        List<Candidate> cs =
                java.util.stream.IntStream.range(0, probs.length)
                        .mapToObj(
                                i ->
                                        new Candidate(
                                                i,
                                                PIECES[i],
                                                0f,
                                                probs[i],
                                                probs[i] > 0,
                                                i,
                                                Double.NaN))
                        .toList();
        return new StageTrace(kind, name, params, keptCount, keptMass, cs, 0, crossingId);
    }

    private static final StageTrace RAW = stage(null, "raw", Map.of(), 3, 1, -1, 0.5, 0.3, 0.2);

    private static StepTrace step(
            List<StageTrace> stages, boolean greedy, boolean forced, int chosen, double p) {
        StageTrace fin = stage(null, "final", Map.of(), 2, 0.8, -1, 0.625, 0.375, 0);
        return new StepTrace(
                new int[] {0, 1, 2},
                RAW,
                stages,
                fin,
                greedy,
                0.5321,
                chosen,
                PIECES[chosen],
                p,
                RAW.candidates().get(chosen).prob(),
                p,
                forced,
                1.485,
                1.2,
                0.95,
                1.0,
                null);
    }

    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of(
                        stage(
                                StageKind.TOP_P,
                                "top_p",
                                Map.of("p", 0.9, "rule", "inclusive"),
                                14,
                                0.9071,
                                1,
                                0.5,
                                0.3,
                                0),
                        "Nucleus, p 0.9: 14 tokens kept, mass 0.907; crossing token 'you';"
                                + " rule inclusive"),
                Arguments.of(
                        stage(
                                StageKind.TOP_P,
                                "top_p",
                                Map.of("p", 0.5, "rule", "cumsum_le_p"),
                                1,
                                0.5,
                                42,
                                0.5,
                                0,
                                0),
                        "Nucleus, p 0.5: 1 token kept, mass 0.500; crossing token outside the"
                                + " shown tokens; rule cumsum_le_p"),
                Arguments.of(
                        stage(
                                StageKind.TOP_K,
                                "top_k",
                                Map.of("k", 40),
                                40,
                                0.8734,
                                -1,
                                0.5,
                                0.3,
                                0.2),
                        "Top-k, k 40: 40 tokens kept, mass 0.873"),
                Arguments.of(
                        stage(
                                StageKind.TEMPERATURE,
                                "temperature",
                                Map.of("temperature", 0.7),
                                3,
                                1,
                                -1,
                                0.2,
                                0.31,
                                0.1),
                        "Temperature 0.7: top token 'you' 0.310"),
                Arguments.of(
                        stage(
                                StageKind.MIN_P,
                                "min_p",
                                Map.of("min_p", 0.05),
                                12,
                                0.95,
                                -1,
                                0.5,
                                0.3,
                                0),
                        "Min-p 0.05: 12 tokens kept, mass 0.950"),
                Arguments.of(
                        stage(
                                StageKind.TYPICAL_P,
                                "typical_p",
                                Map.of("typical_p", 0.95),
                                2,
                                0.8,
                                -1,
                                0.5,
                                0.3,
                                0),
                        "Typical-p 0.95: 2 tokens kept, mass 0.800"),
                Arguments.of(
                        stage(
                                StageKind.REPETITION_PENALTY,
                                "repetition_penalty",
                                Map.of("penalty", 1.3, "window", 64),
                                3,
                                1,
                                -1,
                                0.4,
                                0.45,
                                0.15),
                        "Repetition penalty 1.3: top token 'you' 0.450 after the penalty"),
                Arguments.of(
                        stage(
                                StageKind.FREQUENCY_PRESENCE_PENALTY,
                                "frequency_presence_penalty",
                                Map.of("frequency", 0.5, "presence", 0.25, "window", 64),
                                3,
                                1,
                                -1,
                                0.4,
                                0.45,
                                0.15),
                        "Frequency penalty 0.5, presence penalty 0.25: top token 'you' 0.450"
                                + " after the penalty"));
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aStageSaysItsParameterWhatItKeptAndItsMarkers(StageTrace stage, String expected) {
        assertThat(ChartSummary.stage(stage)).isEqualTo(expected);
    }

    static Stream<Arguments> finals() {
        return Stream.of(
                Arguments.of(
                        step(List.of(), false, false, 1, 0.21),
                        "Final: drew 'you' (p 0.210) with u = 0.532 from 2 tokens"),
                Arguments.of(
                        step(List.of(), true, false, 0, 0.625),
                        "Final: picked 'the' (p 0.625) by argmax from 2 tokens; greedy, the coin"
                                + " is not used"),
                Arguments.of(
                        step(List.of(), false, true, 2, 0),
                        "Final: you chose 'cat' (p 0.000, 0.200 under the model) instead of"
                                + " drawing from 2 tokens"));
    }

    @ParameterizedTest
    @MethodSource("finals")
    void theFinalChartSaysWhatWasPickedAndHow(StepTrace trace, String expected) {
        assertThat(ChartSummary.finalDist(trace)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("stages")
    void aStepHasOneSummaryPerChartInChartOrder(StageTrace stage, String expected) {
        StepTrace trace = step(List.of(stage), false, false, 1, 0.375);
        List<String> summaries = ChartSummary.of(trace);
        List<ChartData> charts = ChartDataBuilder.build(trace, 3);
        assertThat(summaries).hasSameSizeAs(charts);
        for (int i = 0; i < charts.size(); i++) {
            assertThat(charts.get(i).summary()).isEqualTo(summaries.get(i)).isNotBlank();
        }
        assertThat(summaries.get(0))
                .startsWith(
                        "Raw distribution, T 1: top tokens 'the' 0.500, 'you' 0.300, 'cat' 0.200;"
                                + " entropy 1.49 bits");
        // temperature has no chart of its own: the raw chart says it
        assertThat(String.join("\n", summaries)).contains(expected);
    }
}
