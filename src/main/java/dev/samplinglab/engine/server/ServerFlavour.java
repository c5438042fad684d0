package dev.samplinglab.engine.server;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The HTTP API an inference server speaks. Token ids go in where the API accepts them (vLLM and
 * llama.cpp); the others get the context as text, which the server tokenizes again.
 */
public enum ServerFlavour {
    /** {@code /v1/completions} of any OpenAI-compatible server: text in, token strings out. */
    OPENAI("openai", "OpenAI-compatible", false),
    /** {@code /v1/chat/completions}: the text as one user message, token strings out. */
    OPENAI_CHAT("openai-chat", "OpenAI-compatible chat", false),
    /**
     * vLLM's {@code /v1/completions} with token-id prompts, {@code /tokenize}, {@code /detokenize}.
     */
    VLLM("vllm", "vLLM", true),
    /** llama.cpp's {@code llama-server}: {@code /completion}, {@code /props}, {@code /tokenize}. */
    LLAMACPP("llamacpp", "llama.cpp server", true),
    /** Ollama's {@code /api/generate} and {@code /api/tags}: text in, token strings out. */
    OLLAMA("ollama", "Ollama", false);

    private final String key;
    private final String label;
    private final boolean tokenIds;

    ServerFlavour(String key, String label, boolean tokenIds) {
        this.key = key;
        this.label = label;
        this.tokenIds = tokenIds;
    }

    /** The name in a spec: {@code server:llamacpp+http://...}. */
    public String key() {
        return key;
    }

    /** The name people know it by. */
    public String label() {
        return label;
    }

    /** Whether the context goes as token ids (no re-tokenization on the server). */
    public boolean tokenIds() {
        return tokenIds;
    }

    public static Optional<ServerFlavour> byKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.key.equals(k)).findFirst();
    }

    /** {@code openai|openai-chat|vllm|llamacpp|ollama}. */
    public static String keys() {
        return Arrays.stream(values()).map(ServerFlavour::key).collect(Collectors.joining("|"));
    }
}
