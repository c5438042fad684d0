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
                "server:http://x:1?n=3#m|the only URL option is ?top_n=N",
                "server:#m|needs an http:// or https:// URL",
            })
    void refusesInOneLine(String spec, String expected) {
        BadInputException e =
                assertThrows(BadInputException.class, () -> ServerAddress.parse(spec));
        assertEquals(true, e.getMessage().contains(expected), e.getMessage());
        assertEquals(false, e.getMessage().contains("\n"));
    }
}
