package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PipelineCommandTest {

    @Test
    void jsonHasTheDocumentedShape() {
        CliRun run =
                CliRun.of(
                        "pipeline",
                        "--probs",
                        "0.5,0.25,0.15,0.10",
                        "--top-p",
                        "0.7",
                        "--coin",
                        "0.9",
                        "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().strip().lines()).hasSize(1);
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.keySet()).containsExactly("stages", "final_probs", "kept", "chosen");
        JsonArray stages = o.getAsJsonArray("stages");
        assertThat(stages).hasSize(1);
        JsonObject topP = stages.get(0).getAsJsonObject();
        assertThat(topP.keySet()).containsExactly("name", "probs", "kept");
        assertThat(topP.get("name").getAsString()).isEqualTo("top_p");
        assertThat(doubles(topP.getAsJsonArray("probs")))
                .containsExactly(new double[] {2.0 / 3, 1.0 / 3, 0, 0}, within(1e-6));
        assertThat(ints(topP.getAsJsonArray("kept"))).containsExactly(0, 1);
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(0, 1);
        assertThat(o.get("chosen").getAsInt()).isEqualTo(1); // u = 0.9 > 2/3
    }

    @Test
    void cumsumRuleDropsTheCrossingToken() {
        CliRun run =
                CliRun.of(
                        "pipeline",
                        "--probs",
                        "0.5,0.25,0.15,0.10",
                        "--top-p",
                        "0.7",
                        "--top-p-rule",
                        "cumsum-le-p",
                        "--coin",
                        "0.9",
                        "--json");
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(0);
        assertThat(o.get("chosen").getAsInt()).isZero();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"inclusive", "cumsum-le-p"})
    void exactTieIsPinnedToTwoTokens(String rule) {
        CliRun run =
                CliRun.of(
                        "pipeline",
                        "--probs",
                        "0.5,0.25,0.25",
                        "--top-p",
                        "0.75",
                        "--top-p-rule",
                        rule,
                        "--json");
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(0, 1);
        assertThat(doubles(o.getAsJsonArray("final_probs")))
                .containsExactly(new double[] {2.0 / 3, 1.0 / 3, 0}, within(1e-15));
    }

    @Test
    void stagesAppearInChainOrderWithPenaltiesFromTheContext() {
        CliRun run =
                CliRun.of(
                        "pipeline",
                        "--logits",
                        "1.0,2.0,0.5,3.0,0.2",
                        "--temperature",
                        "0.5",
                        "--top-k",
                        "3",
                        "--repetition-penalty",
                        "1.5",
                        "--presence-penalty",
                        "0.5",
                        "--context-ids",
                        "3,3",
                        "--order",
                        "llama.cpp",
                        "--coin",
                        "0",
                        "--json");
        assertThat(run.exitCode()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.getAsJsonArray("stages").asList())
                .extracting(e -> e.getAsJsonObject().get("name").getAsString())
                .containsExactly(
                        "repetition_penalty", "frequency_presence_penalty", "top_k", "temperature");
        // id 3: 3.0 / 1.5 - 0.5 = 1.5 < 2.0, so id 1 leads; top-k 3 keeps 1, 3, 0
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(1, 3, 0);
        assertThat(o.get("chosen").getAsInt()).isEqualTo(1);
        assertThat(o.getAsJsonArray("final_probs")).hasSize(5);
    }

    @Test
    void noOptionsMeansSoftmaxOnly() {
        CliRun run =
                CliRun.of(
                        "pipeline", "--logits", "0.2,1.5,-0.3,2.1,0.5", "--coin", "0.1", "--json");
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.getAsJsonArray("stages")).isEmpty();
        assertThat(doubles(o.getAsJsonArray("final_probs")))
                .containsExactly(
                        new double[] {
                            0.0751225592, 0.2756469561, 0.0455641354, 0.5022615011, 0.1014048482
                        },
                        within(1e-7));
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(3, 1, 4, 0, 2);
        assertThat(o.get("chosen").getAsInt()).isEqualTo(3);
    }

    @Test
    void tableShowsEveryStageTheCrossingTokenAndThePick() {
        CliRun run =
                CliRun.of(
                        "pipeline",
                        "--probs",
                        "0.5,0.25,0.15,0.10",
                        "--top-p",
                        "0.7",
                        "--labels",
                        "the,a,cat,dog",
                        "--coin",
                        "0.2");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("== raw")
                .contains("== top_p p=0.7 rule=inclusive  kept 2, kept mass 0.7500, crossing id 1")
                .contains("== final")
                .contains("chosen: id 0 (the)  p = 0.6667  coin u = 0.2000");
        assertThat(run.out().lines().filter(l -> l.contains(" cat ")).count()).isEqualTo(3);
    }

    @Test
    void presetAndGreedyWork() {
        CliRun greedy =
                CliRun.of(
                        "pipeline", "--logits", "1,3,3,2", "--greedy", "--coin", "0.99", "--json");
        assertThat(JsonParser.parseString(greedy.out()).getAsJsonObject().get("chosen").getAsInt())
                .isEqualTo(1);
        CliRun preset =
                CliRun.of(
                        "pipeline",
                        "--logits",
                        "1,3,3,2",
                        "--preset",
                        "code",
                        "--top-k",
                        "2",
                        "--json");
        JsonObject o = JsonParser.parseString(preset.out()).getAsJsonObject();
        assertThat(o.getAsJsonArray("stages").asList())
                .extracting(e -> e.getAsJsonObject().get("name").getAsString())
                .containsExactly("temperature", "top_k", "top_p");
        assertThat(ints(o.getAsJsonArray("kept"))).containsExactly(1, 2);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--temperature", "0"},
                        "error: temperature must be > 0 and finite (got 0.0); use greedy for T = 0"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--top-p", "1.5"},
                        "error: top-p must be in (0, 1], 1 = off (got 1.5)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--top-k", "-1"},
                        "error: top-k must be >= 0, 0 = off (got -1)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--repetition-penalty", "0"},
                        "error: repetition penalty must be > 0 and finite, 1 = off (got 0.0)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "-inf,-inf"},
                        "error: logits are all -Infinity (2 ids): no token can be sampled"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,NaN"},
                        "error: --logits values must be numbers (got 'NaN' at id 1)"),
                Arguments.of(
                        new String[] {"pipeline", "--probs", "0.5,-0.1"},
                        "error: --probs values must be finite and >= 0 (got -0.1 at id 1)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--coin", "1"},
                        "error: coin must be in [0, 1) (got 1.0)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--context-ids", "5"},
                        "error: context id 5 is outside the vocabulary [0, 2)"),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--order", "top_k,nope"},
                        null),
                Arguments.of(
                        new String[] {"pipeline", "--logits", "1,2", "--top-p-rule", "strict"},
                        "error: top-p rule must be inclusive or cumsum-le-p (got 'strict')"),
                Arguments.of(new String[] {"pipeline"}, null),
                Arguments.of(new String[] {"pipeline", "--logits", "1", "--probs", "1"}, null),
                Arguments.of(new String[] {"pipeline", "--logits", "1", "--top-k", "x"}, null));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputExitsTwoWithOneLine(String[] args, String message) {
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ");
        if (message != null) {
            assertThat(run.err().strip()).isEqualTo(message);
        }
    }

    private static double[] doubles(JsonArray a) {
        return a.asList().stream().mapToDouble(e -> e.getAsDouble()).toArray();
    }

    private static int[] ints(JsonArray a) {
        return a.asList().stream().mapToInt(e -> e.getAsInt()).toArray();
    }
}
