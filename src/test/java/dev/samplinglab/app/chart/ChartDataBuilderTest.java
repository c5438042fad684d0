package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart data from real pipeline traces over the tutorial's logits [1.0, 2.0, 0.5, 3.0, 0.2]. */
class ChartDataBuilderTest {
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};
    private static final String[] PIECES = {"a", "b", "c", "d", "e"};

    private static StepTrace run(SamplingSettings s, double coin) {
        return SamplingPipeline.of(s).run(LOGITS, new int[0], coin, i -> PIECES[i], 100);
    }

    @Test
    void everyChartUsesTheSameDisplayTokensInRawOrder() {
        StepTrace t =
                run(SamplingSettings.builder().temperature(0.7).topK(2).topP(0.9).build(), 0.3);
        List<ChartData> charts = ChartDataBuilder.build(t, 5);
        assertThat(charts)
                .extracting(ChartData::kind)
                .containsExactly("raw", "top_k", "top_p", "final");
        for (ChartData c : charts) {
            assertThat(c.pieces()).containsExactly("d", "b", "a", "c", "e");
        }
        // softmax at T=1 of the sorted logits: 0.6075 0.2235 0.0822 0.0499 0.0369 (hand-computed)
        assertThat(charts.get(0).values()[0]).isCloseTo(0.6075, within(1e-4));
        assertThat(charts.get(0).values()[4]).isCloseTo(0.0369, within(1e-4));
        assertThat(charts.get(0).ghosts()).isNotNull();
        assertThat(charts.get(0).ghosts()[0]).isGreaterThan(charts.get(0).values()[0]);
    }

    @Test
    void topKMarksTheCutoffAfterKBarsAndGreysTheRest() {
        StepTrace t = run(SamplingSettings.builder().topK(2).build(), 0.5);
        ChartData topK = ChartDataBuilder.build(t, 5).get(1);
        assertThat(topK.cutoffIndex()).isEqualTo(2);
        assertThat(topK.kept()).containsExactly(true, true, false, false, false);
        assertThat(topK.values()[3]).isGreaterThan(0);
    }

    @Test
    void nucleusShowsCumulativeSumsThePLineAndTheCrossingToken() {
        StepTrace t = run(SamplingSettings.builder().topP(0.8).build(), 0.5);
        ChartData topP = ChartDataBuilder.build(t, 5).get(1);
        assertThat(topP.pLine()).isEqualTo(0.8);
        assertThat(topP.cumulative()[0]).isCloseTo(0.6075, within(1e-4));
        assertThat(topP.cumulative()[1]).isCloseTo(0.8310, within(1e-4));
        assertThat(topP.crossingIndex()).isEqualTo(1);
        assertThat(topP.keptShown()).isEqualTo(2);
        StepTrace le =
                run(
                        SamplingSettings.builder().topP(0.8).topPRule(TopPRule.CUMSUM_LE_P).build(),
                        0.5);
        ChartData leChart = ChartDataBuilder.build(le, 5).get(1);
        assertThat(leChart.keptShown()).isEqualTo(1);
        assertThat(leChart.detail()).contains("cumsum ≤ p");
    }

    @Test
    void theRestSlotCarriesTheMassOfTokensNotShown() {
        StepTrace t = run(SamplingSettings.neutral(), 0.5);
        ChartData raw = ChartDataBuilder.build(t, 3).get(0);
        assertThat(raw.size()).isEqualTo(3);
        assertThat(raw.rest()).isCloseTo(0.0499 + 0.0369, within(1e-4));
    }

    @Test
    void theCoinStripPutsTheCoinInsideTheChosenSegment() {
        for (double coin : new double[] {0.01, 0.5, 0.7, 0.95, 0.999}) {
            StepTrace t = run(SamplingSettings.neutral(), coin);
            ChartData fin = ChartDataBuilder.build(t, 5).get(1);
            ChartData.CdfStrip strip = fin.cdf();
            double lo = 0;
            for (int i = 0; i < strip.chosenSegment(); i++) {
                lo += strip.segments()[i];
            }
            double hi = lo + strip.segments()[strip.chosenSegment()];
            assertThat(coin).isBetween(lo, hi);
            assertThat(fin.pieces().get(fin.chosenIndex())).isEqualTo(t.chosenPiece());
        }
    }

    /**
     * A server sent 3 of 5 tokens: log p = ln 0.5, ln 0.2, ln 0.1 (rest 0.2). At T = 0.7 and p =
     * 0.9 the nucleus may not be reached inside them, so top-p, temperature (on the raw chart) and
     * the final draw carry their caveats; every rest bar is the unseen mass.
     */
    @Test
    void aServerStepHatchesTheRestAndLabelsEachStageThatCouldNotSeeTheTail() {
        float[] logProbs = {
            (float) Math.log(0.5),
            Float.NEGATIVE_INFINITY,
            (float) Math.log(0.2),
            (float) Math.log(0.1),
            Float.NEGATIVE_INFINITY
        };
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.builder().temperature(0.7).topP(0.9).build())
                        .overTopLogProbs(java.util.Optional.empty())
                        .run(logProbs, new int[0], 0.3, i -> PIECES[i], 100);
        List<ChartData> charts = ChartDataBuilder.build(t, 5);
        assertThat(charts).extracting(ChartData::kind).containsExactly("raw", "top_p", "final");
        assertThat(charts).allMatch(ChartData::restUnseen);
        assertThat(charts.get(0).pieces()).containsExactly("a", "c", "d");
        assertThat(charts.get(0).rest()).isCloseTo(0.2, within(1e-6));
        assertThat(charts.get(0).caveat())
                .isEqualTo(t.truncation().caveat("temperature").orElseThrow())
                .startsWith("renormalizes over the 3 tokens the server sent only");
        // after T = 0.7 the head holds between 87.2% and 100% (the tail's spread is unknown)
        assertThat(charts.get(1).caveat())
                .startsWith("may extend past the 3 tokens the server sent: after temperature");
        assertThat(charts.get(2).caveat())
                .startsWith("the app draws only from the 3 tokens the server sent");
        assertThat(charts.get(1).summary()).contains("Caveat: may extend past the 3 tokens");
    }

    @Test
    void aLocalStepHasNoCaveatsAndAKnownRest() {
        List<ChartData> charts =
                ChartDataBuilder.build(run(SamplingSettings.builder().topP(0.9).build(), 0.3), 3);
        assertThat(charts).noneMatch(ChartData::restUnseen);
        assertThat(charts).allMatch(c -> c.caveat().isEmpty());
    }

    @Test
    void theRawChartCarriesTheContextCaveatWhenTemperatureHasNone() {
        dev.samplinglab.engine.sampling.Truncation t =
                new dev.samplinglab.engine.sampling.Truncation(
                        3, 0.2, List.of(), java.util.Optional.of("sent as text"));
        List<ChartData> charts =
                ChartDataBuilder.truncated(
                        ChartDataBuilder.build(
                                run(SamplingSettings.builder().topK(2).build(), 0.3), 3),
                        t);
        assertThat(charts).extracting(ChartData::caveat).containsExactly("sent as text", "", "");
    }
}
