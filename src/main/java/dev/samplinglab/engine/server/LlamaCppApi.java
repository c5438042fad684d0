package dev.samplinglab.engine.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * llama.cpp's {@code llama-server}: {@code POST /completion} with the context as token ids, {@code
 * n_predict} 1 and {@code n_probs} N, answered by {@code completion_probabilities[0].top_logprobs}
 * ({@code id}, {@code token}, {@code logprob}); without {@code post_sampling_probs} these come from
 * the softmax of the raw logits, before any sampler. {@code n_probs} has no cap. {@code /props},
 * {@code /v1/models} ({@code meta.n_vocab}), {@code /tokenize} and {@code /detokenize} give the
 * rest. See https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md
 */
final class LlamaCppApi implements LogProbsApi {
    /** llama.cpp has no cap; this many keeps one answer near 100 KB. */
    static final int DEFAULT_TOP_N = 1000;

    private final ServerHttp http;
    private final String model;
    private final int topN;
    private ServerFacts facts;

    LlamaCppApi(ServerHttp http, String model, int topN) {
        this.http = http;
        this.model = model;
        this.topN = topN > 0 ? topN : DEFAULT_TOP_N;
    }

    static List<String> listModels(ServerHttp http) {
        Optional<JsonElement> models = http.tryGet("/v1/models");
        if (models.isPresent()) {
            ServerJson json = new ServerJson(http.base() + "/v1/models");
            return json.names(json.object(models.get(), "answer").get("data"), "id", "data");
        }
        String path =
                ServerJson.path(http.get("/props"), "model_path")
                        .map(JsonElement::getAsString)
                        .orElse("model");
        return List.of(path.substring(path.lastIndexOf('/') + 1));
    }

    @Override
    public ServerFlavour flavour() {
        return ServerFlavour.LLAMACPP;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public List<String> models() {
        return listModels(http);
    }

    @Override
    public synchronized ServerFacts facts() {
        if (facts == null) {
            JsonElement props = http.get("/props");
            int ctx = ServerJson.intAt(props, "default_generation_settings", "n_ctx");
            int context = ctx > 0 ? ctx : ServerJson.intAt(props, "n_ctx");
            int vocab = 0;
            long params = 0;
            Optional<JsonElement> models = http.tryGet("/v1/models");
            if (models.isPresent()) {
                Optional<JsonElement> meta = ServerJson.path(models.get(), "data");
                if (meta.isPresent()
                        && meta.get().isJsonArray()
                        && !meta.get().getAsJsonArray().isEmpty()) {
                    JsonElement first = meta.get().getAsJsonArray().get(0);
                    vocab = ServerJson.intAt(first, "meta", "n_vocab");
                    params =
                            ServerJson.path(first, "meta", "n_params")
                                    .map(JsonElement::getAsLong)
                                    .orElse(0L);
                }
            }
            facts = new ServerFacts(vocab, context, params);
        }
        return facts;
    }

    @Override
    public int topN() {
        return topN;
    }

    /**
     * llama-server withholds the probabilities when the token it sampled itself ends inside a UTF-8
     * character; the distribution does not depend on that token, so it is asked again with another
     * seed.
     */
    static final int WITHHELD_RETRIES = 4;

    @Override
    public TopLogProbs next(ServerContext context) {
        for (int attempt = 0; ; attempt++) {
            JsonElement r = post(body(context, attempt));
            if (attempt < WITHHELD_RETRIES && !hasProbabilities(r)) {
                continue;
            }
            return parse(r);
        }
    }

    private JsonObject body(ServerContext context, int attempt) {
        JsonObject b = new JsonObject();
        b.add("prompt", idArray(context.ids()));
        b.addProperty("n_predict", 1);
        b.addProperty("n_probs", topN);
        b.addProperty("cache_prompt", true);
        b.addProperty("temperature", 1.0);
        b.addProperty("seed", attempt);
        // no "model" field: llama-server b4748 then leaves out completion_probabilities
        b.addProperty("post_sampling_probs", false);
        return b;
    }

    private JsonElement post(JsonObject body) {
        try {
            return http.post("/completion", body);
        } catch (ServerException e) {
            throw e.kind() == Kind.NOT_FOUND
                    ? new ServerException(
                            Kind.UNSUPPORTED,
                            "%s has no llama.cpp /completion (%s); choose another API in the spec"
                                    .formatted(http.base(), e.getMessage()))
                    : e;
        }
    }

    private static boolean hasProbabilities(JsonElement r) {
        return ServerJson.path(r, "completion_probabilities")
                .filter(p -> p.isJsonArray() && !p.getAsJsonArray().isEmpty())
                .isPresent();
    }

    private TopLogProbs parse(JsonElement r) {
        String where = http.base() + "/completion";
        ServerJson json = new ServerJson(where);
        JsonElement probs = json.object(r, "answer").get("completion_probabilities");
        if (probs == null || !probs.isJsonArray() || probs.getAsJsonArray().isEmpty()) {
            throw json.noLogProbs(
                    "completion_probabilities is missing %d times (was n_probs ignored?)"
                            .formatted(WITHHELD_RETRIES + 1));
        }
        JsonObject first =
                json.object(probs.getAsJsonArray().get(0), "completion_probabilities[0]");
        if (!first.has("top_logprobs")) {
            throw json.malformed(
                    "completion_probabilities[0] has no top_logprobs: this llama.cpp is older than"
                            + " the logprob format (December 2024); update it");
        }
        List<TokenLogProb> top = new ArrayList<>();
        for (JsonElement x : json.array(first.get("top_logprobs"), "top_logprobs")) {
            JsonObject o = json.object(x, "top_logprobs[]");
            top.add(
                    new TokenLogProb(
                            (int) json.number(o, "id", "top_logprobs[]"),
                            json.string(o, "token", "top_logprobs[]"),
                            json.number(o, "logprob", "top_logprobs[]")));
        }
        return TopLogProbsCheck.checked(new TopLogProbs(top, topN), topN, facts().vocab(), where);
    }

    @Override
    public int[] tokenize(String text, boolean addSpecial) {
        JsonObject b = new JsonObject();
        b.addProperty("content", text);
        b.addProperty("add_special", addSpecial);
        ServerJson json = new ServerJson(http.base() + "/tokenize");
        return json.ids(json.object(http.post("/tokenize", b), "answer").get("tokens"), "tokens");
    }

    @Override
    public String detokenize(int[] ids) {
        JsonObject b = new JsonObject();
        b.add("tokens", idArray(ids));
        ServerJson json = new ServerJson(http.base() + "/detokenize");
        return json.string(json.object(http.post("/detokenize", b), "answer"), "content", "answer");
    }

    private static JsonArray idArray(int[] ids) {
        JsonArray a = new JsonArray();
        for (int id : ids) {
            a.add(id);
        }
        return a;
    }
}
