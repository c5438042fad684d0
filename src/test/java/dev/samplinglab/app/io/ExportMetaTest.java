package dev.samplinglab.app.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TraceJson;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Export metadata and number formatting: the same fields everywhere, steps from 1, no "-0". */
public class ExportMetaTest {
    public static final ExportMeta META =
            new ExportMeta(
                    "Step",
                    "bundled",
                    "ROMEO:",
                    2,
                    2,
                    "T=0.8 top-p=0.9",
                    42,
                    ZonedDateTime.of(2026, 11, 29, 15, 4, 5, 900, ZoneOffset.UTC));

    /** Steps whose coin and one logit are −0.0 (a coin of exactly 0 drawn with its sign bit). */
    private static List<StepResult> greedySteps() {
        float[] logits = {9, 1, -0.0f};
        var t =
                SamplingPipeline.of(SamplingSettings.neutral())
                        .run(logits, new int[0], -0.0, id -> "t" + id, 3);
        return List.of(
                new StepResult(0, t.chosenId(), "t0", t, false, 1.5, 1),
                new StepResult(1, t.chosenId(), "t0", t, false, 2.5, 2));
    }

    @ParameterizedTest
    @CsvSource({"-0.0, 0.00000", "0.0, 0.00000", "0.5, 0.500000", "-1e-9, -1.00000e-09"})
    void numbersHaveSixDigitsAndNoNegativeZero(double value, String text) {
        assertThat(ExportNumbers.num(value)).isEqualTo(text);
    }

    @Test
    void notANumberIsAnEmptyField() {
        assertThat(ExportNumbers.num(Double.NaN)).isEmpty();
        assertThat(ExportNumbers.num(Double.POSITIVE_INFINITY)).isEmpty();
        assertThat(ExportNumbers.millis(-0.0)).isEqualTo("0.000");
    }

    @Test
    void theGreedyTraceReallyHoldsNegativeZeros() {
        // the precondition of the two tests below: without it they would prove nothing
        var t = greedySteps().get(0).trace();
        assertThat(List.of(t.coin(), (double) t.raw().candidates().get(2).logit()))
                .anySatisfy(v -> assertThat(Double.doubleToRawLongBits(v)).isNegative());
    }

    @Test
    void csvCarriesTheMetadataNumbersStepsFromOneAndNeverWritesMinusZero() {
        String csv = HistoryCsv.format(greedySteps(), META, s -> "greedy");
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).endsWith(",strategy,model,prompt,seed,exported_at");
        assertThat(lines[1])
                .startsWith("1,")
                .endsWith(",greedy,bundled,ROMEO:,42,2026-11-29T15:04:05Z");
        assertThat(lines[2]).startsWith("2,");
        assertThat(csv).doesNotContain("-0.0").doesNotContain(",-0,");
    }

    @Test
    void jsonCarriesTheMetadataNumbersStepsFromOneAndNeverWritesMinusZero() {
        String json =
                new HistoryJson(TraceJson::toJson)
                        .format(
                                META,
                                SamplingSettings.greedyDecoding(),
                                greedySteps(),
                                s -> "greedy");
        var root = JsonParser.parseString(json).getAsJsonObject();
        assertThat(root.get("model").getAsString()).isEqualTo("bundled");
        assertThat(root.get("prompt").getAsString()).isEqualTo("ROMEO:");
        assertThat(root.get("seed").getAsLong()).isEqualTo(42);
        assertThat(root.get("steps").getAsJsonArray()).hasSize(2);
        assertThat(root.get("exported_at").getAsString()).isEqualTo("2026-11-29T15:04:05Z");
        var first = root.getAsJsonArray("steps").get(0).getAsJsonObject();
        assertThat(first.get("step").getAsInt()).isEqualTo(1);
        assertThat(first.get("strategy").getAsString()).isEqualTo("greedy");
        assertThat(json).doesNotContain("-0.0").doesNotContain(": -0,");
    }

    @Test
    void theEngineTraceJsonWritesNoNegativeZeroEither() {
        String line = TraceJson.toLine(greedySteps().get(0).trace());
        assertThat(line).doesNotContain("-0.0");
    }

    @Test
    void titleBlockNamesModelPromptStepStrategySeedAndDate() {
        assertThat(String.join("\n", META.titleLines()))
                .contains("model bundled")
                .contains("step 2 of 2")
                .contains("Prompt: ROMEO:")
                .contains("T=0.8 top-p=0.9")
                .contains("seed 42")
                .contains("2026-11-29 15:04");
    }

    @Test
    void pngSizesParseAndRejectNonsense() {
        assertThat(PngSize.parse("1920x1080")).isEqualTo(new PngSize(1920, 1080));
        assertThat(PngSize.parse(" 1280 × 720 ")).isEqualTo(new PngSize(1280, 720));
        assertThat(PngSize.DEFAULT).isEqualTo(new PngSize(1600, 900));
        assertThatThrownBy(() -> PngSize.parse("big")).hasMessageContaining("WIDTHxHEIGHT");
        assertThatThrownBy(() -> new PngSize(100, 100)).hasMessageContaining("320..8192");
    }
}
