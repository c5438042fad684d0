package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.server.FakeInferenceServer;
import dev.samplinglab.engine.server.ServerFlavour;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code generate --model server:http://127.0.0.1:PORT#name} against the loopback test servers. */
class GenerateServerTest {
    static LanguageModel local;
    @TempDir Path dir;

    @BeforeAll
    static void open() {
        local = LanguageModel.open("bundled");
    }

    @AfterAll
    static void close() {
        local.close();
    }

    private static String[] generate(String model, String... more) {
        List<String> args =
                new java.util.ArrayList<>(
                        List.of(
                                "generate",
                                "--model",
                                model,
                                "--prompt",
                                "ROMEO:",
                                "--max-new-tokens",
                                "8",
                                "--top-k",
                                "10",
                                "--temperature",
                                "0.8",
                                "--seed",
                                "3",
                                "--json"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void generateThroughALlamaCppServerGivesTheLocalText() throws IOException {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.LLAMACPP, 0)) {
            Path trace = dir.resolve("trace.jsonl");
            CliRun remote =
                    CliRun.of(
                            generate(
                                    "server:%s#%s".formatted(server.url(), server.model()),
                                    "--trace",
                                    trace.toString()));
            assertThat(remote.exitCode()).as(remote.err()).isZero();
            CliRun here = CliRun.of(generate("bundled"));
            JsonObject a = JsonParser.parseString(remote.out()).getAsJsonObject();
            JsonObject b = JsonParser.parseString(here.out()).getAsJsonObject();
            assertThat(a.get("texts")).isEqualTo(b.get("texts"));
            assertThat(a.get("tokens")).isEqualTo(b.get("tokens"));
            List<String> lines = Files.readAllLines(trace, StandardCharsets.UTF_8);
            assertThat(lines).hasSize(8);
            JsonObject t =
                    JsonParser.parseString(lines.get(0)).getAsJsonObject().getAsJsonObject("trace");
            assertThat(t.getAsJsonObject("truncation").get("sent").getAsInt()).isEqualTo(1000);
            assertThat(server.log()).contains("GET /props", "POST /tokenize", "POST /completion");
        }
    }

    @Test
    void aTextApiSaysTheContextIsTokenizedAgain() {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.OLLAMA, 20)) {
            CliRun run = CliRun.of(generate("server:" + server.url() + "#" + server.model()));
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("note: the context goes to the server as text");
            assertThat(JsonParser.parseString(run.out()).getAsJsonObject().getAsJsonArray("texts"))
                    .hasSize(1);
        }
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bench|bench times the local engine's decode against memory bandwidth; a server model",
                "eval|eval needs the full distribution at every position; a server model",
            })
    void commandsThatNeedTheLocalEngineSaySo(String command, String message) throws IOException {
        Path text = Files.writeString(dir.resolve("t.txt"), "To be or not to be");
        CliRun run =
                command.equals("bench")
                        ? CliRun.of("bench", "--model", "server:http://127.0.0.1:1#m")
                        : CliRun.of(
                                "eval",
                                "--model",
                                "server:http://127.0.0.1:1#m",
                                "--text",
                                text.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .contains(message)
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void anUnreachableServerIsExitTwoWithOneLine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.of(generate("server:llamacpp+http://127.0.0.1:%d#m".formatted(port)));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("error: cannot reach http://127.0.0.1:" + port)
                .doesNotContain("\n");
    }
}
