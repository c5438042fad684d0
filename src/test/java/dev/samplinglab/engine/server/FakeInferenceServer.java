package dev.samplinglab.engine.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.KvCache;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * A loopback HTTP server that speaks one inference-server API in its documented shapes (vLLM and
 * OpenAI {@code /v1/completions} and {@code /v1/chat/completions}, llama.cpp {@code /completion},
 * Ollama {@code /api/generate}, with their model lists and tokenizers), answering from a local
 * model: each request's log-probabilities are the log-softmax of the model's logits after the
 * context, computed the way a {@link dev.samplinglab.engine.generate.DecodeSession} computes them
 * (prefill, then one cached step per token), so they match the local engine bit for bit. Faults
 * (status, headers, body, delay) can be injected per path.
 */
public final class FakeInferenceServer implements AutoCloseable {
    /** A canned answer instead of the real one. */
    public record Reply(int status, Map<String, String> headers, String body) {
        public static Reply of(int status, String body) {
            return new Reply(status, Map.of(), body);
        }
    }

    /** Decides, per request, whether to answer with a fault (null: answer normally). */
    @FunctionalInterface
    public interface Fault {
        Reply reply(String path, int countOnPath);
    }

    private final HttpServer server;
    private final LanguageModel lm;
    private final ServerFlavour flavour;
    private final int cap;
    private final String model;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private volatile Fault fault = (path, n) -> null;
    private volatile String requiredKey;
    private KvCache cache;
    private int[] held = new int[0];

    private FakeInferenceServer(LanguageModel lm, ServerFlavour flavour, int cap, String model)
            throws IOException {
        this.lm = lm;
        this.flavour = flavour;
        this.cap = cap;
        this.model = model;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param cap the most log-probabilities it sends (vLLM's --max-logprobs; 20 for OpenAI and
     *     Ollama); 0 for none (llama.cpp)
     */
    public static FakeInferenceServer start(LanguageModel lm, ServerFlavour flavour, int cap) {
        try {
            String name =
                    switch (flavour) {
                        case LLAMACPP -> "tiny-shakespeare.gguf";
                        case OLLAMA -> "tiny-shakespeare:latest";
                        default -> "sampling-lab/tiny-shakespeare";
                    };
            return new FakeInferenceServer(lm, flavour, cap, name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String model() {
        return model;
    }

    /** The spec naming the API and the model. */
    public String spec() {
        return "server:%s+%s#%s".formatted(flavour.key(), url(), model);
    }

    public void fault(Fault f) {
        this.fault = f;
    }

    public void requireKey(String key) {
        this.requiredKey = key;
    }

    /** "METHOD /path" of every request so far. */
    public List<String> log() {
        return Collections.unmodifiableList(log);
    }

    @Override
    public void close() {
        server.stop(0);
        if (cache != null) {
            cache.close();
        }
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        log.add(x.getRequestMethod() + " " + path);
        int n = counts.merge(path, 1, Integer::sum);
        try (x) {
            Reply r = fault.reply(path, n);
            if (r == null && requiredKey != null) {
                String auth = x.getRequestHeaders().getFirst("Authorization");
                if (!("Bearer " + requiredKey).equals(auth)) {
                    r = Reply.of(401, "{\"error\":{\"message\":\"Invalid API key\",\"code\":401}}");
                }
            }
            if (r == null) {
                String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                r = answer(x.getRequestMethod(), path, body);
            }
            r.headers().forEach((k, v) -> x.getResponseHeaders().add(k, v));
            x.getResponseHeaders().add("Content-Type", "application/json");
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (RuntimeException e) {
            // a client that hung up (cancel); nothing to answer
        }
    }

    private Reply answer(String method, String path, String body) {
        JsonObject req =
                body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
        return switch (flavour) {
            case LLAMACPP -> llamaCpp(path, req);
            case OLLAMA -> ollama(path, req);
            default -> openAi(path, req);
        };
    }

    // ---- OpenAI / vLLM ----

    private Reply openAi(String path, JsonObject req) {
        boolean vllm = flavour == ServerFlavour.VLLM;
        switch (path) {
            case "/v1/models" -> {
                JsonObject m = new JsonObject();
                m.addProperty("id", model);
                m.addProperty("object", "model");
                m.addProperty("owned_by", vllm ? "vllm" : "openai");
                if (vllm) {
                    m.addProperty("max_model_len", lm.summary().context());
                }
                return ok(list("data", m));
            }
            case "/tokenize" -> {
                if (!vllm) {
                    return notFound();
                }
                JsonObject o = new JsonObject();
                o.add("tokens", ids(encode(req.get("prompt").getAsString())));
                return ok(o);
            }
            case "/detokenize" -> {
                if (!vllm) {
                    return notFound();
                }
                JsonObject o = new JsonObject();
                o.addProperty("prompt", decode(idsOf(req.getAsJsonArray("tokens"))));
                return ok(o);
            }
            case "/v1/completions" -> {
                return wrongModel(req).orElseGet(() -> completion(req));
            }
            case "/v1/chat/completions" -> {
                return wrongModel(req).orElseGet(() -> chat(req));
            }
            default -> {
                return notFound();
            }
        }
    }

    private java.util.Optional<Reply> wrongModel(JsonObject req) {
        String asked = req.has("model") ? req.get("model").getAsString() : "";
        if (asked.equals(model)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                Reply.of(
                        404,
                        ("{\"object\":\"error\",\"message\":\"The model `%s` does not exist.\","
                                        + "\"type\":\"NotFoundError\",\"param\":null,\"code\":404}")
                                .formatted(asked)));
    }

    private Reply tooMany(int asked) {
        return Reply.of(
                400,
                ("{\"object\":\"error\",\"message\":\"Requested sample logprobs of %d, which is"
                                + " greater than max allowed: %d\",\"type\":\"BadRequestError\","
                                + "\"param\":null,\"code\":400}")
                        .formatted(asked, cap));
    }

    private Reply completion(JsonObject req) {
        int asked = req.get("logprobs").getAsInt();
        if (cap > 0 && asked > cap) {
            return tooMany(asked);
        }
        JsonElement prompt = req.get("prompt");
        int[] ctx =
                prompt.isJsonArray()
                        ? idsOf(prompt.getAsJsonArray())
                        : encode(prompt.getAsString());
        boolean asIds =
                req.has("return_tokens_as_token_ids")
                        && req.get("return_tokens_as_token_ids").getAsBoolean();
        Top top = top(ctx, asked);
        JsonObject dict = new JsonObject();
        for (int i = 0; i < top.ids.length; i++) {
            dict.addProperty(tokenKey(top.ids[i], asIds), top.logProbs[i]);
        }
        JsonObject logprobs = new JsonObject();
        logprobs.add("text_offset", ints(0));
        logprobs.add("token_logprobs", doubles(top.logProbs[0]));
        JsonArray tokens = new JsonArray();
        tokens.add(tokenKey(top.ids[0], asIds));
        logprobs.add("tokens", tokens);
        JsonArray tops = new JsonArray();
        tops.add(dict);
        logprobs.add("top_logprobs", tops);
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.addProperty("text", text(top.ids[0]));
        choice.add("logprobs", logprobs);
        choice.addProperty("finish_reason", "length");
        JsonObject o = new JsonObject();
        o.addProperty("id", "cmpl-1");
        o.addProperty("object", "text_completion");
        o.addProperty("model", model);
        o.add("choices", array(choice));
        return ok(o);
    }

    private String tokenKey(int id, boolean asIds) {
        return asIds ? "token_id:" + id : text(id);
    }

    /** The chat form; the "template" here is plain concatenation of the messages' contents. */
    private Reply chat(JsonObject req) {
        int asked = req.get("top_logprobs").getAsInt();
        if (asked > 20) {
            return Reply.of(
                    400,
                    "{\"error\":{\"message\":\"top_logprobs must be at most 20\",\"type\":\"invalid_request_error\"}}");
        }
        StringBuilder text = new StringBuilder();
        for (JsonElement m : req.getAsJsonArray("messages")) {
            text.append(m.getAsJsonObject().get("content").getAsString());
        }
        Top top = top(encode(text.toString()), asked);
        JsonObject content = entry(top, 0, false);
        JsonArray alternatives = new JsonArray();
        for (int i = 0; i < top.ids.length; i++) {
            alternatives.add(entry(top, i, false));
        }
        content.add("top_logprobs", alternatives);
        JsonObject logprobs = new JsonObject();
        logprobs.add("content", array(content));
        JsonObject message = new JsonObject();
        message.addProperty("role", "assistant");
        message.addProperty("content", text(top.ids[0]));
        JsonObject choice = new JsonObject();
        choice.addProperty("index", 0);
        choice.add("message", message);
        choice.add("logprobs", logprobs);
        choice.addProperty("finish_reason", "length");
        JsonObject o = new JsonObject();
        o.addProperty("id", "chatcmpl-1");
        o.addProperty("object", "chat.completion");
        o.addProperty("model", model);
        o.add("choices", array(choice));
        return ok(o);
    }

    // ---- llama.cpp ----

    private Reply llamaCpp(String path, JsonObject req) {
        switch (path) {
            case "/props" -> {
                JsonObject settings = new JsonObject();
                settings.addProperty("n_ctx", lm.summary().context());
                settings.addProperty("n_probs", 0);
                JsonObject o = new JsonObject();
                o.add("default_generation_settings", settings);
                o.addProperty("total_slots", 1);
                o.addProperty("model_path", "/models/" + model);
                return ok(o);
            }
            case "/v1/models" -> {
                JsonObject meta = new JsonObject();
                meta.addProperty("vocab_type", 2);
                meta.addProperty("n_vocab", lm.shownVocab());
                meta.addProperty("n_ctx_train", lm.summary().context());
                meta.addProperty("n_embd", lm.summary().hidden());
                meta.addProperty("n_params", lm.summary().parameters());
                JsonObject m = new JsonObject();
                m.addProperty("id", model);
                m.addProperty("object", "model");
                m.addProperty("owned_by", "llamacpp");
                m.add("meta", meta);
                return ok(list("data", m));
            }
            case "/tokenize" -> {
                JsonObject o = new JsonObject();
                o.add("tokens", ids(encode(req.get("content").getAsString())));
                return ok(o);
            }
            case "/detokenize" -> {
                JsonObject o = new JsonObject();
                o.addProperty("content", decode(idsOf(req.getAsJsonArray("tokens"))));
                return ok(o);
            }
            case "/completion" -> {
                JsonElement prompt = req.get("prompt");
                int[] ctx =
                        prompt.isJsonArray()
                                ? idsOf(prompt.getAsJsonArray())
                                : encode(prompt.getAsString());
                Top top = top(ctx, req.get("n_probs").getAsInt());
                JsonObject first = entry(top, 0, true);
                JsonArray alternatives = new JsonArray();
                for (int i = 0; i < top.ids.length; i++) {
                    alternatives.add(entry(top, i, true));
                }
                first.add("top_logprobs", alternatives);
                JsonObject o = new JsonObject();
                o.addProperty("index", 0);
                o.addProperty("content", text(top.ids[0]));
                o.add("tokens", new JsonArray());
                o.addProperty("id_slot", 0);
                o.addProperty("stop", true);
                o.addProperty("model", model);
                o.addProperty("tokens_predicted", 1);
                o.addProperty("tokens_evaluated", ctx.length);
                o.add("completion_probabilities", array(first));
                return ok(o);
            }
            default -> {
                return notFound();
            }
        }
    }

    // ---- Ollama ----

    private Reply ollama(String path, JsonObject req) {
        switch (path) {
            case "/api/tags" -> {
                JsonObject details = new JsonObject();
                details.addProperty("family", "gpt2");
                JsonObject m = new JsonObject();
                m.addProperty("name", model);
                m.addProperty("model", model);
                m.addProperty("size", 11_000_000);
                m.add("details", details);
                return ok(list("models", m));
            }
            case "/api/show" -> {
                JsonObject info = new JsonObject();
                info.addProperty("gpt2.context_length", lm.summary().context());
                info.addProperty("general.parameter_count", lm.summary().parameters());
                JsonObject o = new JsonObject();
                o.add("model_info", info);
                return ok(o);
            }
            case "/api/generate" -> {
                String asked = req.get("model").getAsString();
                if (!asked.equals(model)) {
                    return Reply.of(404, "{\"error\":\"model '%s' not found\"}".formatted(asked));
                }
                int n = req.get("top_logprobs").getAsInt();
                if (n > 20) {
                    return Reply.of(400, "{\"error\":\"top_logprobs must be between 0 and 20\"}");
                }
                Top top = top(encode(req.get("prompt").getAsString()), n);
                JsonObject first = entry(top, 0, false);
                JsonArray alternatives = new JsonArray();
                for (int i = 0; i < top.ids.length; i++) {
                    alternatives.add(entry(top, i, false));
                }
                first.add("top_logprobs", alternatives);
                JsonObject o = new JsonObject();
                o.addProperty("model", model);
                o.addProperty("created_at", "2026-11-29T15:00:00Z");
                o.addProperty("response", text(top.ids[0]));
                o.addProperty("done", true);
                o.addProperty("done_reason", "length");
                o.add("logprobs", array(first));
                return ok(o);
            }
            default -> {
                return notFound();
            }
        }
    }

    // ---- the local model ----

    private record Top(int[] ids, double[] logProbs) {}

    /** The n most probable next tokens after {@code ctx}, as a DecodeSession computes them. */
    private synchronized Top top(int[] ctx, int n) {
        float[] logits = logits(ctx);
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l - max);
        }
        double logZ = Math.log(z);
        Integer[] order = IntStream.range(0, logits.length).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order,
                (a, b) -> logits[a] != logits[b] ? Float.compare(logits[b], logits[a]) : a - b);
        int k = Math.min(n, logits.length);
        int[] ids = new int[k];
        double[] lps = new double[k];
        for (int i = 0; i < k; i++) {
            ids[i] = order[i];
            lps[i] = (logits[order[i]] - max) - logZ;
        }
        return new Top(ids, lps);
    }

    private float[] logits(int[] ids) {
        if (cache == null) {
            cache = lm.model().newCache(1);
        }
        int common = 0;
        while (common < Math.min(held.length, ids.length) && held[common] == ids[common]) {
            common++;
        }
        common = Math.min(common, Math.min(ids.length - 1, cache.length()));
        cache.truncate(common);
        float[] l =
                lm.model()
                        .step(
                                cache,
                                new int[][] {Arrays.copyOfRange(ids, common, ids.length)},
                                null)[0];
        held = ids.clone();
        return lm.shown(l);
    }

    private int[] encode(String text) {
        return lm.tokenizer().encodeWithSpecials(text);
    }

    private String decode(int[] ids) {
        return lm.tokenizer().decode(ids);
    }

    private String text(int id) {
        return decode(new int[] {id});
    }

    private JsonObject entry(Top top, int i, boolean withId) {
        JsonObject o = new JsonObject();
        if (withId) {
            o.addProperty("id", top.ids[i]);
        }
        String t = text(top.ids[i]);
        o.addProperty("token", t);
        o.addProperty("logprob", top.logProbs[i]);
        JsonArray bytes = new JsonArray();
        for (byte b : t.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b & 0xff);
        }
        o.add("bytes", bytes);
        return o;
    }

    // ---- JSON helpers ----

    private static Reply ok(JsonObject o) {
        return Reply.of(200, o.toString());
    }

    private static Reply notFound() {
        return Reply.of(404, "{\"error\":\"Not Found\"}");
    }

    private static JsonObject list(String key, JsonObject item) {
        JsonObject o = new JsonObject();
        o.addProperty("object", "list");
        o.add(key, array(item));
        return o;
    }

    private static JsonArray array(JsonObject item) {
        JsonArray a = new JsonArray();
        a.add(item);
        return a;
    }

    private static JsonArray ids(int[] ids) {
        JsonArray a = new JsonArray();
        for (int id : ids) {
            a.add(id);
        }
        return a;
    }

    private static JsonArray ints(int... v) {
        return ids(v);
    }

    private static JsonArray doubles(double... v) {
        JsonArray a = new JsonArray();
        for (double d : v) {
            a.add(d);
        }
        return a;
    }

    private static int[] idsOf(JsonArray a) {
        List<Integer> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsInt()));
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
