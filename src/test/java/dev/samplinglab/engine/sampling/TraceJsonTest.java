package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class TraceJsonTest {
    private static final SamplingPipeline PIPELINE =
            SamplingPipeline.of(
                    SamplingSettings.builder().temperature(0.5).topK(3).topP(0.9).build());
    private static final float[] LOGITS = Vectors.floats(1.0, 2.0, 0.5, 3.0, 0.2);

    @Test
    void lineHoldsEveryStageWithCandidates() {
        StepTrace t = PIPELINE.run(LOGITS, new int[0], 0.9, id -> "tok\"" + id, 5);
        String line = TraceJson.toLine(t);
        assertThat(line).doesNotContain("\n");
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        assertThat(o.get("chosen_id").getAsInt()).isEqualTo(1);
        assertThat(o.get("chosen_piece").getAsString()).isEqualTo("tok\"1");
        assertThat(o.get("coin").getAsDouble()).isEqualTo(0.9);
        assertThat(o.get("surprisal_bits").getAsDouble()).isCloseTo(3.0685084939, within(1e-9));
        JsonArray stages = o.getAsJsonArray("stages");
        assertThat(stages.asList())
                .extracting(e -> e.getAsJsonObject().get("name").getAsString())
                .containsExactly("raw", "temperature", "top_k", "top_p", "final");
        JsonObject topP = stages.get(3).getAsJsonObject();
        assertThat(topP.get("crossing_id").getAsInt()).isEqualTo(1);
        assertThat(topP.getAsJsonObject("params").get("rule").getAsString()).isEqualTo("inclusive");
        assertThat(topP.getAsJsonObject("params").get("p").getAsDouble()).isEqualTo(0.9);
        JsonObject dropped = topP.getAsJsonArray("candidates").get(2).getAsJsonObject();
        assertThat(dropped.get("id").getAsInt()).isZero();
        assertThat(dropped.get("logit").isJsonNull()).isTrue(); // -infinity
        assertThat(dropped.get("kept").getAsBoolean()).isFalse();
        assertThat(dropped.get("cumulative").getAsDouble()).isCloseTo(1.0, within(1e-12));
        JsonObject rawFirst =
                stages.get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("candidates")
                        .get(0)
                        .getAsJsonObject();
        assertThat(rawFirst.has("cumulative")).isFalse();
        assertThat(rawFirst.get("prob").getAsDouble()).isCloseTo(0.6074928955, within(1e-9));
    }

    @Test
    void aForcedTokenIsMarkedAndItsSurprisalStaysFinite() {
        StepTrace t = PIPELINE.runForced(LOGITS, new int[0], 0.5, null, 5, 4);
        JsonObject o = JsonParser.parseString(TraceJson.toLine(t)).getAsJsonObject();
        assertThat(o.get("forced").getAsBoolean()).isTrue();
        assertThat(o.get("surprisal_bits").getAsDouble())
                .isCloseTo(-Math.log(t.chosenRawProb()) / Math.log(2), within(1e-9));
    }

    @Test
    void pipelineSummaryNeedsEveryTokenDisplayed() {
        StepTrace partial = PIPELINE.run(LOGITS, new int[0], 0.5, null, 3);
        assertThatThrownBy(() -> TraceJson.pipelineSummary(partial))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topN >= 5");
    }
}
