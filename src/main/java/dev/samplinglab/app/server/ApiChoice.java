package dev.samplinglab.app.server;

import dev.samplinglab.engine.server.ServerFlavour;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An entry of the dialog's API box: detect from the server, or one flavour named.
 *
 * @param flavour the flavour; empty to detect
 */
public record ApiChoice(Optional<ServerFlavour> flavour) {
    public static final ApiChoice DETECT = new ApiChoice(Optional.empty());

    public static ApiChoice of(ServerFlavour f) {
        return new ApiChoice(Optional.of(f));
    }

    /** Detect first, then every flavour the engine speaks. */
    public static List<ApiChoice> all() {
        List<ApiChoice> all = new ArrayList<>(List.of(DETECT));
        for (ServerFlavour f : ServerFlavour.values()) {
            all.add(of(f));
        }
        return all;
    }

    @Override
    public String toString() {
        return flavour.map(f -> "%s (%s)".formatted(f.label(), endpoint(f)))
                .orElse("Detect from the server");
    }

    /** The endpoint a step asks, so the user sees what will be sent. */
    static String endpoint(ServerFlavour f) {
        return switch (f) {
            case OPENAI -> "/v1/completions, text";
            case OPENAI_CHAT -> "/v1/chat/completions, text";
            case VLLM -> "/v1/completions, token ids";
            case LLAMACPP -> "/completion, token ids";
            case OLLAMA -> "/api/generate, text";
        };
    }
}
