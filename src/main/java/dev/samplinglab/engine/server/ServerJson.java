package dev.samplinglab.engine.server;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading a server's JSON by path, where a missing or mistyped field is a one-line error. */
final class ServerJson {
    private final String where;

    /**
     * @param where the server and endpoint, named in messages
     */
    ServerJson(String where) {
        this.where = where;
    }

    JsonObject object(JsonElement e, String name) {
        if (e == null || !e.isJsonObject()) {
            throw malformed("%s is not an object".formatted(name));
        }
        return e.getAsJsonObject();
    }

    JsonArray array(JsonElement e, String name) {
        if (e == null || !e.isJsonArray()) {
            throw malformed("%s is not a list".formatted(name));
        }
        return e.getAsJsonArray();
    }

    double number(JsonObject o, String key, String name) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw malformed("%s.%s is not a number".formatted(name, key));
        }
        return e.getAsDouble();
    }

    String string(JsonObject o, String key, String name) {
        JsonElement e = o.get(key);
        if (e == null || !e.isJsonPrimitive()) {
            throw malformed("%s.%s is not a string".formatted(name, key));
        }
        return e.getAsString();
    }

    /** The ids of a list of numbers, or of objects with an {@code id} (llama.cpp's pieces). */
    int[] ids(JsonElement e, String name) {
        JsonArray a = array(e, name);
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonElement x = a.get(i);
            JsonElement v = x.isJsonObject() ? x.getAsJsonObject().get("id") : x;
            if (v == null || !v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
                throw malformed("%s[%d] is not a token id".formatted(name, i));
            }
            out[i] = v.getAsInt();
        }
        return out;
    }

    /** The strings under {@code key} of every object of a list ({@code data[].id}). */
    List<String> names(JsonElement list, String key, String name) {
        List<String> out = new ArrayList<>();
        for (JsonElement x : array(list, name)) {
            out.add(string(object(x, name + "[]"), key, name + "[]"));
        }
        return out;
    }

    static Optional<JsonElement> path(JsonElement e, String... keys) {
        JsonElement cur = e;
        for (String k : keys) {
            if (cur == null || !cur.isJsonObject()) {
                return Optional.empty();
            }
            cur = cur.getAsJsonObject().get(k);
        }
        return cur == null || cur.isJsonNull() ? Optional.empty() : Optional.of(cur);
    }

    static int intAt(JsonElement e, String... keys) {
        return path(e, keys)
                .filter(v -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber())
                .map(JsonElement::getAsInt)
                .orElse(0);
    }

    ServerException malformed(String what) {
        return new ServerException(
                Kind.MALFORMED,
                "the server sent an unexpected answer for %s: %s".formatted(where, what));
    }

    ServerException noLogProbs(String hint) {
        return new ServerException(
                Kind.NO_LOGPROBS,
                "the server sent no log-probabilities for %s; %s".formatted(where, hint));
    }
}
