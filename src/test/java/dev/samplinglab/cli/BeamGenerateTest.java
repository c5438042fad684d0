package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code generate --num-beams}: the result, the trace file and every bad value. */
class BeamGenerateTest {
    @TempDir Path dir;

    private static final String[] BASE = {
        "generate", "--model", "random:tiny", "--prompt", "Hi", "--max-new-tokens", "5"
    };

    private static String[] with(String... more) {
        String[] out = java.util.Arrays.copyOf(BASE, BASE.length + more.length);
        System.arraycopy(more, 0, out, BASE.length, more.length);
        return out;
    }

    @Test
    void writesOneTraceLinePerStepThenTheResult() throws IOException {
        Path trace = dir.resolve("beams.jsonl");
        CliRun run =
                CliRun.of(
                        with(
                                "--num-beams",
                                "3",
                                "--length-penalty",
                                "0.5",
                                "--early-stopping",
                                "never",
                                "--num-return-sequences",
                                "2",
                                "--no-repeat-ngram-size",
                                "2",
                                "--trace",
                                trace.toString(),
                                "--json"));
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        JsonObject result = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(result.getAsJsonArray("sequences")).hasSize(2);
        assertThat(result.getAsJsonObject("settings").get("early_stopping").getAsString())
                .isEqualTo("never");
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(result.get("steps").getAsInt() + 1);
        JsonObject first = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertThat(first.getAsJsonArray("beams")).hasSize(3);
        assertThat(first.getAsJsonArray("candidates")).hasSize(6);
        JsonObject beam = first.getAsJsonArray("beams").get(0).getAsJsonObject();
        assertThat(beam.keySet()).contains("parent", "token", "token_logprob", "score");
        JsonObject candidate = first.getAsJsonArray("candidates").get(0).getAsJsonObject();
        assertThat(candidate.get("fate").getAsString()).isEqualTo("kept");
        assertThat(JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject())
                .isEqualTo(result);
    }

    @Test
    void cachedAndUncachedPrintTheSameBeams() {
        CliRun cached = CliRun.of(with("--num-beams", "4", "--json"));
        CliRun uncached = CliRun.of(with("--num-beams", "4", "--json", "--no-cache"));
        assertThat(cached.exitCode()).isZero();
        JsonObject a = JsonParser.parseString(cached.out()).getAsJsonObject();
        JsonObject b = JsonParser.parseString(uncached.out()).getAsJsonObject();
        JsonObject sa = a.getAsJsonArray("sequences").get(0).getAsJsonObject();
        JsonObject sb = b.getAsJsonArray("sequences").get(0).getAsJsonObject();
        assertThat(sa.get("tokens")).isEqualTo(sb.get("tokens"));
        assertThat(sa.get("score").getAsDouble())
                .isCloseTo(
                        sb.get("score").getAsDouble(),
                        org.assertj.core.api.Assertions.within(1e-4));
    }

    @Test
    void oneBeamAloneIsGreedy() {
        CliRun beam = CliRun.of(with("--num-beams", "1", "--json"));
        CliRun greedy = CliRun.of(with("--greedy", "--json"));
        assertThat(beam.exitCode()).isZero();
        assertThat(beam.out()).isEqualTo(greedy.out());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--num-beams 0|--num-beams",
                "--num-beams 65|--num-beams",
                "--num-beams -3|--num-beams",
                "--num-beams 2.5|--num-beams",
                "--num-beams two|--num-beams",
                "--num-beams 1 --length-penalty 2|greedy",
                "--num-beams 1 --early-stopping true|greedy",
                "--num-beams 1 --num-return-sequences 1|greedy",
                "--num-beams 1 --no-repeat-ngram-size 2|greedy",
                "--length-penalty 2|--num-beams",
                "--num-beams 3 --num-return-sequences 4|--num-return-sequences",
                "--num-beams 3 --num-return-sequences 0|--num-return-sequences",
                "--num-beams 3 --early-stopping sometimes|--early-stopping",
                "--num-beams 3 --length-penalty NaN|--length-penalty",
                "--num-beams 3 --length-penalty x|--length-penalty",
                "--num-beams 3 --no-repeat-ngram-size -1|--no-repeat-ngram-size",
                "--num-beams 3 --no-repeat-ngram-size 1.5|--no-repeat-ngram-size",
                "--num-beams 3 --temperature 0.7|sampling",
                "--num-beams 3 --stop x|--stop"
            })
    void badBeamValuesExitTwoWithOneLine(String args, String expected) {
        CliRun run = CliRun.of(with(args.split(" ")));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(expected);
    }
}
