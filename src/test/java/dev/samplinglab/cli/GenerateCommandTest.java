package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GenerateCommandTest {
    @TempDir Path dir;

    @Test
    void jsonHasTextsTokensAndStopReasons() {
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        "random:tiny",
                        "--prompt",
                        "Hi",
                        "--max-new-tokens",
                        "4",
                        "--greedy",
                        "--json");
        assertThat(run.exitCode()).isZero();
        JsonObject o = JsonParser.parseString(run.out()).getAsJsonObject();
        assertThat(o.getAsJsonArray("texts")).hasSize(1);
        assertThat(o.getAsJsonArray("tokens").get(0).getAsJsonArray()).hasSize(4);
        assertThat(o.getAsJsonArray("stop_reasons").get(0).getAsString()).isEqualTo("length");
    }

    @Test
    void sameSeedSameTextCacheOrNot() {
        String[] base = {
            "generate",
            "--model",
            "random:tiny",
            "--prompt",
            "abc",
            "--max-new-tokens",
            "6",
            "--temperature",
            "1.2",
            "--top-p",
            "0.9",
            "--seed",
            "7",
            "--json"
        };
        CliRun cached = CliRun.of(base);
        String[] noCache = java.util.Arrays.copyOf(base, base.length + 1);
        noCache[base.length] = "--no-cache";
        assertThat(CliRun.of(noCache).out()).isEqualTo(cached.out());
        assertThat(CliRun.of(base).out()).isEqualTo(cached.out());
    }

    @Test
    void promptsFileRunsAsOneBatchAndTraceHasALinePerRowAndStep() throws IOException {
        Path prompts = dir.resolve("p.txt");
        Files.writeString(prompts, "first\n\nsecond prompt\n");
        Path trace = dir.resolve("t.jsonl");
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        "random:tiny",
                        "--prompts-file",
                        prompts.toString(),
                        "--max-new-tokens",
                        "3",
                        "--json",
                        "--trace",
                        trace.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("texts"))
                .hasSize(2);
        var lines = Files.readAllLines(trace);
        assertThat(lines).hasSize(6);
        assertThat(JsonParser.parseString(lines.get(0)).getAsJsonObject().has("trace")).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--model random:tiny --max-new-tokens 0|max-new-tokens must be >= 1",
                "--model random:tiny --top-p 1.5|top-p",
                "--model /nonexistent/folder|is not a folder",
                "--model random:huge|unknown random model 'random:huge'; use one of random:tiny, random:gpt2-small, random:smollm2-135m",
                "--model bundled:|names no bundled model"
            })
    void badInputExitsTwoWithOneLine(String extra, String message) {
        String[] args = ("generate --prompt x " + extra).split(" ");
        CliRun run = CliRun.of(args);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bundled", "bundled:tiny-shakespeare"})
    void bundledSpecsWork(String spec) {
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        spec,
                        "--prompt",
                        "ROMEO:",
                        "--max-new-tokens",
                        "3",
                        "--seed",
                        "1",
                        "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(JsonParser.parseString(run.out()).getAsJsonObject().has("texts")).isTrue();
    }

    @Test
    void missingPromptIsBadInput() {
        CliRun run = CliRun.of("generate", "--model", "random:tiny");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--prompt TEXT or --prompts-file FILE");
    }
}
