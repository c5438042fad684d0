package dev.samplinglab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerSpecTextTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://127.0.0.1:8089|gpt2|DETECT|''|server:http://127.0.0.1:8089#gpt2|127.0.0.1:8089",
                "http://gpu:8000|meta-llama/Llama-3.1-8B|OPENAI|VLLM_KEY|server:http://gpu:8000#meta-llama/Llama-3.1-8B;api=openai;key-env=VLLM_KEY|gpu:8000",
                "https://ollama.lan|llama3:8b|OLLAMA|''|server:https://ollama.lan#llama3:8b;api=ollama|ollama.lan",
            })
    void specTextRoundTrips(
            String url, String model, ServerApi api, String keyEnv, String text, String host) {
        ServerSpecText spec = new ServerSpecText(url, model, api, keyEnv);
        assertThat(spec.text()).isEqualTo(text);
        assertThat(ServerSpecText.parse(text)).contains(spec);
        assertThat(spec.host()).isEqualTo(host);
        assertThat(ServerSpecText.isServer(text)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"bundled", "random:tiny", "/models/gpt2", "server:http://no-model"})
    void otherSpecsAreNotReadAsServers(String text) {
        assertThat(ServerSpecText.parse(text)).isEmpty();
    }
}
