package dev.samplinglab.engine.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.samplinglab.engine.BadInputException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAddressTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "server:http://127.0.0.1:8080#gpt2|http://127.0.0.1:8080||gpt2|0|server:http://127.0.0.1:8080#gpt2",
                "server:llamacpp+http://box:8080/|http://box:8080|llamacpp||0|server:llamacpp+http://box:8080",
                "server:ollama+http://localhost:11434#llama3.2:1b|http://localhost:11434|ollama|llama3.2:1b|0|server:ollama+http://localhost:11434#llama3.2:1b",
                "server:vllm+https://gpu.example/v1?top_n=50#Qwen/Qwen2.5-7B|https://gpu.example|vllm|Qwen/Qwen2.5-7B|50|server:vllm+https://gpu.example?top_n=50#Qwen/Qwen2.5-7B",
                "server:vllm+http://gpu:8000?key_env=VLLM_KEY&top_n=100#m|http://gpu:8000|vllm|m|100|server:vllm+http://gpu:8000?top_n=100&key_env=VLLM_KEY#m",
            })
    void parsesAndPrintsCanonically(
            String spec, String base, String flavour, String model, int topN, String canonical) {
        ServerAddress a = ServerAddress.parse(spec);
        assertEquals(base, a.base().toString());
        assertEquals(Optional.ofNullable(flavour).flatMap(ServerFlavour::byKey), a.flavour());
        assertEquals(Optional.ofNullable(model), a.model());
        assertEquals(topN, a.topN());
        assertEquals(canonical, a.text());
        assertEquals(a, ServerAddress.parse(a.text()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "server:ftp://x#m|needs an http:// or https:// URL",
                "server:tgi+http://x:1#m|unknown server API 'tgi'",
                "server:http://x:1?n=3#m|the URL options are ?top_n=N",
                "server:http://x:1?key_env=sk-123#m|key_env=NAME (an environment variable's name)",
                "server:#m|needs an http:// or https:// URL",
            })
    void refusesInOneLine(String spec, String expected) {
        BadInputException e =
                assertThrows(BadInputException.class, () -> ServerAddress.parse(spec));
        assertEquals(true, e.getMessage().contains(expected), e.getMessage());
        assertEquals(false, e.getMessage().contains("\n"));
    }

    @org.junit.jupiter.api.Test
    void aKeyVariableIsNamedNeverTheKey() {
        ServerAddress a = ServerAddress.parse("server:http://h:1?key_env=MY_SERVER_KEY#m");
        assertEquals(Optional.of("MY_SERVER_KEY"), a.keyEnv());
        assertEquals(
                Optional.of("MY_SERVER_KEY"),
                a.withModel("n").withFlavour(ServerFlavour.VLLM).keyEnv());
        assertEquals(Optional.empty(), ServerAddress.parse("server:http://h:1#m").keyEnv());
    }

    @org.junit.jupiter.api.Test
    void theKeyComesFromTheNamedVariableOrTheErrorNamesIt() {
        String name = "SERVER_APP_TEST_KEY_" + System.nanoTime();
        ServerAddress a = ServerAddress.parse("server:http://h:1?key_env=%s#m".formatted(name));
        ServerException e = assertThrows(ServerException.class, () -> ApiKeys.forServer(a));
        assertEquals(ServerException.Kind.UNAUTHORIZED, e.kind());
        assertEquals(
                "the environment variable %s (key_env in the spec) is not set; set it to the API key of http://h:1"
                        .formatted(name),
                e.getMessage());
        System.setProperty("samplinglab.env." + name, " sk-test ");
        try {
            assertEquals(Optional.of("sk-test"), ApiKeys.forServer(a));
        } finally {
            System.clearProperty("samplinglab.env." + name);
        }
    }
}
