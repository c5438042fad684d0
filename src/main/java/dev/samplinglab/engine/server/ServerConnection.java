package dev.samplinglab.engine.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens an inference server: detects its API when the spec does not name it, lists its models,
 * binds a {@link LogProbsApi} to one model, and tests the connection with one real request.
 * Detection probes {@code GET /props} (llama.cpp), {@code GET /api/tags} (Ollama) and {@code GET
 * /v1/models} (OpenAI-compatible; vLLM when {@code POST /tokenize} answers too), in that order.
 * Every call is blocking and cancellable by interrupting the calling thread.
 */
public final class ServerConnection {
    private ServerConnection() {}

    /** The API bound to the spec's model (or the server's first). */
    public static LogProbsApi open(ServerAddress address) {
        return open(address, http(address));
    }

    static LogProbsApi open(ServerAddress address, ServerHttp http) {
        ServerFlavour flavour = address.flavour().orElseGet(() -> detect(http));
        String model =
                ModelNames.choose(address.model().orElse(null), http.base(), models(flavour, http));
        return switch (flavour) {
            case LLAMACPP -> new LlamaCppApi(http, model, address.topN());
            case OLLAMA -> new OllamaApi(http, model, address.topN());
            case OPENAI, OPENAI_CHAT, VLLM -> new OpenAiApi(http, flavour, model, address.topN());
        };
    }

    /** The API the server speaks, by probing; a one-line error when none answers. */
    public static ServerFlavour detect(ServerAddress address) {
        return detect(http(address));
    }

    static ServerFlavour detect(ServerHttp http) {
        Optional<JsonElement> props = http.tryGet("/props");
        if (props.filter(p -> has(p, "default_generation_settings") || has(p, "model_path"))
                .isPresent()) {
            return ServerFlavour.LLAMACPP;
        }
        if (http.tryGet("/api/tags").filter(t -> has(t, "models")).isPresent()) {
            return ServerFlavour.OLLAMA;
        }
        Optional<JsonElement> models = http.tryGet("/v1/models");
        if (models.filter(m -> has(m, "data")).isPresent()) {
            return tokenizes(http, models.get()) ? ServerFlavour.VLLM : ServerFlavour.OPENAI;
        }
        throw new ServerException(
                Kind.UNSUPPORTED,
                ("no known API at %s: neither llama.cpp (/props), Ollama (/api/tags) nor"
                                + " OpenAI-compatible (/v1/models) answered; check the URL or name"
                                + " the API: %s")
                        .formatted(http.base(), ServerAddress.USAGE));
    }

    private static boolean tokenizes(ServerHttp http, JsonElement models) {
        JsonObject b = new JsonObject();
        ServerJson.path(models, "data")
                .filter(JsonElement::isJsonArray)
                .filter(d -> !d.getAsJsonArray().isEmpty())
                .flatMap(d -> ServerJson.path(d.getAsJsonArray().get(0), "id"))
                .ifPresent(id -> b.addProperty("model", id.getAsString()));
        b.addProperty("prompt", "a");
        return http.tryPost("/tokenize", b).filter(t -> has(t, "tokens")).isPresent();
    }

    private static boolean has(JsonElement e, String key) {
        return e.isJsonObject() && e.getAsJsonObject().has(key);
    }

    /** The models the server lists (detecting its API when the address does not name it). */
    public static List<String> models(ServerAddress address) {
        ServerHttp http = http(address);
        return models(address.flavour().orElseGet(() -> detect(http)), http);
    }

    static List<String> models(ServerFlavour flavour, ServerHttp http) {
        return switch (flavour) {
            case LLAMACPP -> LlamaCppApi.listModels(http);
            case OLLAMA -> OllamaApi.listModels(http);
            case OPENAI, OPENAI_CHAT, VLLM -> OpenAiApi.listModels(http);
        };
    }

    /**
     * Connects, lists the models and asks for one token's log-probabilities after "The": a verdict
     * with one line either way (never throws a {@link ServerException}; cancellation still throws).
     */
    public static ConnectionVerdict test(ServerAddress address) {
        return test(address, http(address));
    }

    static ConnectionVerdict test(ServerAddress address, ServerHttp http) {
        ServerAddress known = address;
        List<String> models = List.of();
        try {
            ServerFlavour flavour = address.flavour().orElseGet(() -> detect(http));
            known = known.withFlavour(flavour);
            models = models(flavour, http);
            LogProbsApi api = open(known, http);
            known = known.withModel(api.model());
            TopLogProbs t = api.next(probeContext(api));
            String message =
                    "OK: %s at %s, model %s, top %d log-probabilities per step (%.1f%% of the mass on the probe), %s"
                            .formatted(
                                    flavour.label(),
                                    http.base(),
                                    api.model(),
                                    t.sent(),
                                    100 * (1 - t.restMass()),
                                    flavour.tokenIds()
                                            ? "context sent as token ids"
                                            : "context sent as text (the server tokenizes it again)");
            return new ConnectionVerdict(true, known, models, t.sent(), t.restMass(), message);
        } catch (ServerException e) {
            return new ConnectionVerdict(false, known, models, 0, 1, "Failed: " + e.getMessage());
        }
    }

    private static ServerContext probeContext(LogProbsApi api) {
        String text = "The";
        return api.flavour().tokenIds()
                ? ServerContext.ofIds(api.tokenize(text, true))
                : ServerContext.ofText(text, "");
    }

    static ServerHttp http(ServerAddress address) {
        return new ServerHttp(address.base(), ApiKeys.forServer(address));
    }

    /** A short label for pickers: "llama.cpp server · gpt2.gguf". */
    public static String label(ServerAddress a) {
        return "%s · %s"
                .formatted(
                        a.flavour().map(ServerFlavour::label).orElse("server"),
                        a.model().orElse(a.base().getHost().toLowerCase(Locale.ROOT)));
    }
}
