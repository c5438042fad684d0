package dev.samplinglab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.generate.LanguageModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Detection, model listing and the connection test's verdict against each API's test server. */
class ServerConnectionTest {
    static LanguageModel local;

    @BeforeAll
    static void open() {
        local = LanguageModel.open("bundled");
    }

    @AfterAll
    static void close() {
        local.close();
    }

    @ParameterizedTest(name = "{0} is detected as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "LLAMACPP|LLAMACPP|0|1000|OK: llama.cpp server at %s, model tiny-shakespeare.gguf, top 1000 log-probabilities per step|token ids",
                "VLLM|VLLM|20|20|OK: vLLM at %s, model sampling-lab/tiny-shakespeare, top 20 log-probabilities per step|token ids",
                "OPENAI|OPENAI|20|20|OK: OpenAI-compatible at %s, model sampling-lab/tiny-shakespeare, top 20|tokenizes it again",
                "OLLAMA|OLLAMA|20|20|OK: Ollama at %s, model tiny-shakespeare:latest, top 20|tokenizes it again",
            })
    void detectsListsAndTests(
            ServerFlavour served,
            ServerFlavour detected,
            int cap,
            int topN,
            String verdict,
            String how) {
        try (FakeInferenceServer server = FakeInferenceServer.start(local, served, cap)) {
            ServerAddress bare = ServerAddress.parse("server:" + server.url());
            assertThat(ServerConnection.detect(bare)).isEqualTo(detected);
            assertThat(ServerConnection.models(bare)).containsExactly(server.model());
            ConnectionVerdict v = ServerConnection.test(bare);
            assertThat(v.ok()).as(v.message()).isTrue();
            assertThat(v.message()).startsWith(verdict.formatted(server.url())).contains(how);
            assertThat(v.topN()).isEqualTo(topN);
            assertThat(v.models()).containsExactly(server.model());
            assertThat(v.address().text())
                    .isEqualTo(
                            "server:%s+%s#%s"
                                    .formatted(detected.key(), server.url(), server.model()));
        }
    }
}
