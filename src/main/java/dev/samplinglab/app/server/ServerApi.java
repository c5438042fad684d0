package dev.samplinglab.app.server;

import java.util.Arrays;
import java.util.Optional;

/**
 * The API flavour the dialog offers: detected from the server, or chosen. Each names the endpoint a
 * step uses, so the user sees what will be asked.
 */
public enum ServerApi {
    DETECT("", "Detect from the server"),
    OPENAI("openai", "OpenAI-compatible /v1/completions (vLLM, ...)"),
    LLAMACPP("llamacpp", "llama.cpp /completion"),
    OLLAMA("ollama", "Ollama /api/generate");

    private final String key;
    private final String label;

    ServerApi(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The spec's {@code api=} value; empty for {@link #DETECT}. */
    public String key() {
        return key;
    }

    /** What the flavour box shows. */
    public String label() {
        return label;
    }

    /** The flavour of a spec's {@code api=} value, if it names one. */
    public static Optional<ServerApi> ofKey(String key) {
        return Arrays.stream(values())
                .filter(a -> a != DETECT && a.key.equalsIgnoreCase(key))
                .findFirst();
    }

    @Override
    public String toString() {
        return label;
    }
}
