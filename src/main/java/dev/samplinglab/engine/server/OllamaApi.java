package dev.samplinglab.engine.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ollama: {@code POST /api/generate} with {@code raw} text (no template), {@code logprobs} and
 * {@code top_logprobs} (at most 20), one token ({@code options.num_predict} 1), answered by {@code
 * logprobs[0].top_logprobs} ({@code token}, {@code logprob}); {@code /api/tags} lists the models
 * and {@code /api/show} their context. Ollama takes no token ids, so the context goes as text and
 * the server tokenizes it again. See https://github.com/ollama/ollama/blob/main/docs/api.md
 */
final class OllamaApi implements LogProbsApi {
    static final int TOP_N = 20;

    private final ServerHttp http;
    private final String model;
    private final int topN;
    private ServerFacts facts;

    OllamaApi(ServerHttp http, String model, int topN) {
        this.http = http;
        this.model = model;
        this.topN = topN > 0 ? Math.min(topN, TOP_N) : TOP_N;
    }

    static List<String> listModels(ServerHttp http) {
        ServerJson json = new ServerJson(http.base() + "/api/tags");
        return json.names(
                json.object(http.get("/api/tags"), "answer").get("models"), "name", "models");
    }

    @Override
    public ServerFlavour flavour() {
        return ServerFlavour.OLLAMA;
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
            JsonObject b = new JsonObject();
            b.addProperty("model", model);
            Optional<JsonElement> show = http.tryPost("/api/show", b);
            int context = 0;
            long params = 0;
            Optional<JsonElement> info = show.flatMap(s -> ServerJson.path(s, "model_info"));
            if (info.isPresent() && info.get().isJsonObject()) {
                for (Map.Entry<String, JsonElement> e : info.get().getAsJsonObject().entrySet()) {
                    if (e.getKey().endsWith(".context_length") && e.getValue().isJsonPrimitive()) {
                        context = e.getValue().getAsInt();
                    }
                    if (e.getKey().equals("general.parameter_count")
                            && e.getValue().isJsonPrimitive()) {
                        params = e.getValue().getAsLong();
                    }
                }
            }
            facts = new ServerFacts(0, context, params);
        }
        return facts;
    }

    @Override
    public int topN() {
        return topN;
    }

    @Override
    public TopLogProbs next(ServerContext context) {
        JsonObject options = new JsonObject();
        options.addProperty("num_predict", 1);
        options.addProperty("temperature", 1.0);
        JsonObject b = new JsonObject();
        b.addProperty("model", model);
        b.addProperty("prompt", context.text());
        b.addProperty("raw", true);
        b.addProperty("stream", false);
        b.addProperty("logprobs", true);
        b.addProperty("top_logprobs", topN);
        b.add("options", options);
        JsonElement r;
        try {
            r = http.post("/api/generate", b);
        } catch (ServerException e) {
            throw e.kind() == Kind.NOT_FOUND
                    ? ModelNames.notFound(model, http.base(), models())
                    : e;
        }
        return parse(r);
    }

    private TopLogProbs parse(JsonElement r) {
        String where = http.base() + "/api/generate";
        ServerJson json = new ServerJson(where);
        JsonElement lp = json.object(r, "answer").get("logprobs");
        if (lp == null || !lp.isJsonArray() || lp.getAsJsonArray().isEmpty()) {
            throw json.noLogProbs("Ollama sends them from version 0.12.11 on; update it");
        }
        JsonObject first = json.object(lp.getAsJsonArray().get(0), "logprobs[0]");
        List<TokenLogProb> top = new ArrayList<>();
        for (JsonElement x : json.array(first.get("top_logprobs"), "logprobs[0].top_logprobs")) {
            JsonObject o = json.object(x, "top_logprobs[]");
            top.add(
                    new TokenLogProb(
                            -1,
                            json.string(o, "token", "top_logprobs[]"),
                            json.number(o, "logprob", "top_logprobs[]")));
        }
        return TopLogProbsCheck.checked(new TopLogProbs(top, topN), topN, 0, where);
    }
}
