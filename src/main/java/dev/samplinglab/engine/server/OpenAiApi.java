package dev.samplinglab.engine.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI-compatible servers: {@code /v1/completions} (the legacy completions API, whose {@code
 * choices[].logprobs} has {@code tokens}, {@code token_logprobs} and {@code top_logprobs}), {@code
 * /v1/chat/completions} (whose {@code logprobs.content[].top_logprobs} lists {@code token} and
 * {@code logprob}), and vLLM's extensions: token-id prompts, {@code return_tokens_as_token_ids}
 * ({@code "token_id:123"}), {@code /tokenize} and {@code /detokenize}. vLLM's logprobs are the
 * model's own distribution by default ({@code --logprobs-mode raw_logprobs}); its cap is {@code
 * --max-logprobs} (20 by default), learnt from the error it answers when asked for more. See
 * https://platform.openai.com/docs/api-reference/completions and
 * https://docs.vllm.ai/en/latest/serving/openai_compatible_server.html
 */
final class OpenAiApi implements LogProbsApi {
    /** OpenAI's own cap on {@code top_logprobs}. */
    static final int OPENAI_TOP_N = 20;

    /** What vLLM is asked first; it answers its {@code --max-logprobs} if that is lower. */
    static final int VLLM_FIRST_ASK = 100;

    private static final Pattern CAP = Pattern.compile("max(?:imum)?[ _]allowed[^0-9]*(\\d+)");
    private static final String TOKEN_ID = "token_id:";

    private final ServerHttp http;
    private final ServerFlavour flavour;
    private final String model;
    private int topN;
    private ServerFacts facts;

    OpenAiApi(ServerHttp http, ServerFlavour flavour, String model, int topN) {
        this.http = http;
        this.flavour = flavour;
        this.model = model;
        this.topN = topN > 0 ? topN : flavour == ServerFlavour.VLLM ? VLLM_FIRST_ASK : OPENAI_TOP_N;
    }

    static List<String> listModels(ServerHttp http) {
        JsonElement r = http.get("/v1/models");
        ServerJson json = new ServerJson(http.base() + "/v1/models");
        return json.names(json.object(r, "answer").get("data"), "id", "data");
    }

    @Override
    public ServerFlavour flavour() {
        return flavour;
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
            int context = 0;
            JsonElement r = http.get("/v1/models");
            for (JsonElement m :
                    ServerJson.path(r, "data").filter(JsonElement::isJsonArray).stream()
                            .flatMap(d -> d.getAsJsonArray().asList().stream())
                            .toList()) {
                if (ServerJson.path(m, "id")
                        .map(JsonElement::getAsString)
                        .orElse("")
                        .equals(model)) {
                    context = ServerJson.intAt(m, "max_model_len");
                }
            }
            facts = new ServerFacts(0, context, 0);
        }
        return facts;
    }

    @Override
    public synchronized int topN() {
        return topN;
    }

    @Override
    public TopLogProbs next(ServerContext context) {
        String path = chat() ? "/v1/chat/completions" : "/v1/completions";
        for (int attempt = 0; ; attempt++) {
            int asked = topN();
            JsonElement r;
            try {
                r =
                        http.post(
                                path,
                                chat() ? chatBody(context, asked) : completionBody(context, asked));
            } catch (ServerException e) {
                if (e.kind() == Kind.BAD_REQUEST && attempt == 0 && lowerCap(e.getMessage())) {
                    continue;
                }
                throw e.kind() == Kind.NOT_FOUND ? notFound(path, e) : e;
            }
            return parse(r, path, asked);
        }
    }

    private boolean chat() {
        return flavour == ServerFlavour.OPENAI_CHAT;
    }

    /** Takes the cap a refusal names ("max allowed: 20"); false when it names none. */
    private synchronized boolean lowerCap(String message) {
        Matcher m = CAP.matcher(message);
        if (!m.find()) {
            return false;
        }
        int cap = Integer.parseInt(m.group(1));
        if (cap <= 0) {
            throw new ServerException(
                    Kind.NO_LOGPROBS,
                    "the server at %s allows no log-probabilities; start vLLM with --max-logprobs 20 (or more)"
                            .formatted(http.base()));
        }
        if (cap >= topN) {
            return false;
        }
        topN = cap;
        return true;
    }

    private JsonObject completionBody(ServerContext context, int asked) {
        JsonObject b = common(asked);
        if (context.ids() != null) {
            JsonArray ids = new JsonArray();
            for (int id : context.ids()) {
                ids.add(id);
            }
            b.add("prompt", ids);
        } else {
            b.addProperty("prompt", context.text());
        }
        b.addProperty("logprobs", asked);
        b.addProperty("echo", false);
        if (flavour == ServerFlavour.VLLM) {
            b.addProperty("return_tokens_as_token_ids", true);
        }
        return b;
    }

    private JsonObject chatBody(ServerContext context, int asked) {
        JsonObject b = common(asked);
        JsonArray messages = new JsonArray();
        messages.add(message("user", context.prompt()));
        if (!context.generated().isEmpty()) {
            messages.add(message("assistant", context.generated()));
            b.addProperty("continue_final_message", true);
            b.addProperty("add_generation_prompt", false);
        }
        b.add("messages", messages);
        b.addProperty("logprobs", true);
        b.addProperty("top_logprobs", asked);
        return b;
    }

    private JsonObject common(int asked) {
        JsonObject b = new JsonObject();
        b.addProperty("model", model);
        b.addProperty("max_tokens", 1);
        b.addProperty("temperature", 1.0);
        return b;
    }

    private static JsonObject message(String role, String content) {
        JsonObject m = new JsonObject();
        m.addProperty("role", role);
        m.addProperty("content", content);
        return m;
    }

    private TopLogProbs parse(JsonElement r, String path, int asked) {
        ServerJson json = new ServerJson(http.base() + path);
        JsonArray choices = json.array(json.object(r, "answer").get("choices"), "choices");
        if (choices.isEmpty()) {
            throw json.malformed("choices is empty");
        }
        JsonElement logprobs = json.object(choices.get(0), "choices[0]").get("logprobs");
        if (logprobs == null || logprobs.isJsonNull()) {
            throw json.noLogProbs(
                    "the server may not support them (vLLM: check --max-logprobs; OpenAI: not every model has them)");
        }
        JsonObject lp = json.object(logprobs, "logprobs");
        List<TokenLogProb> top = lp.has("content") ? chatTop(json, lp) : completionTop(json, lp);
        return TopLogProbsCheck.checked(new TopLogProbs(top, asked), asked, 0, http.base() + path);
    }

    private List<TokenLogProb> completionTop(ServerJson json, JsonObject lp) {
        JsonArray perToken = json.array(lp.get("top_logprobs"), "logprobs.top_logprobs");
        if (perToken.isEmpty() || perToken.get(0).isJsonNull()) {
            throw json.noLogProbs("logprobs.top_logprobs is empty");
        }
        List<TokenLogProb> out = new ArrayList<>();
        for (Map.Entry<String, JsonElement> e :
                json.object(perToken.get(0), "top_logprobs[0]").entrySet()) {
            out.add(token(e.getKey(), e.getValue().getAsDouble()));
        }
        return out;
    }

    private List<TokenLogProb> chatTop(ServerJson json, JsonObject lp) {
        JsonArray content = json.array(lp.get("content"), "logprobs.content");
        if (content.isEmpty()) {
            throw json.noLogProbs("logprobs.content is empty");
        }
        JsonObject first = json.object(content.get(0), "logprobs.content[0]");
        List<TokenLogProb> out = new ArrayList<>();
        for (JsonElement x :
                json.array(first.get("top_logprobs"), "logprobs.content[0].top_logprobs")) {
            JsonObject o = json.object(x, "top_logprobs[]");
            out.add(
                    token(
                            json.string(o, "token", "top_logprobs[]"),
                            json.number(o, "logprob", "top_logprobs[]")));
        }
        return out;
    }

    /** vLLM's {@code token_id:123} becomes id 123; any other token is text only. */
    private static TokenLogProb token(String key, double logProb) {
        if (key.startsWith(TOKEN_ID)) {
            try {
                return new TokenLogProb(
                        Integer.parseInt(key.substring(TOKEN_ID.length())), "", logProb);
            } catch (NumberFormatException notAnId) {
                // a token whose text happens to start with "token_id:"
            }
        }
        return new TokenLogProb(-1, key, logProb);
    }

    private ServerException notFound(String path, ServerException e) {
        List<String> models = models();
        if (!models.contains(model)) {
            return ModelNames.notFound(model, http.base(), models);
        }
        return new ServerException(
                Kind.UNSUPPORTED,
                "%s has no %s (%s); choose another API in the spec"
                        .formatted(http.base(), path, e.getMessage()));
    }

    @Override
    public int[] tokenize(String text, boolean addSpecial) {
        requireVllm();
        JsonObject b = new JsonObject();
        b.addProperty("model", model);
        b.addProperty("prompt", text);
        b.addProperty("add_special_tokens", addSpecial);
        ServerJson json = new ServerJson(http.base() + "/tokenize");
        return json.ids(json.object(http.post("/tokenize", b), "answer").get("tokens"), "tokens");
    }

    @Override
    public String detokenize(int[] ids) {
        requireVllm();
        JsonObject b = new JsonObject();
        b.addProperty("model", model);
        JsonArray a = new JsonArray();
        for (int id : ids) {
            a.add(id);
        }
        b.add("tokens", a);
        ServerJson json = new ServerJson(http.base() + "/detokenize");
        return json.string(json.object(http.post("/detokenize", b), "answer"), "prompt", "answer");
    }

    private void requireVllm() {
        if (flavour != ServerFlavour.VLLM) {
            LogProbsApi.super.tokenize("", false);
        }
    }
}
