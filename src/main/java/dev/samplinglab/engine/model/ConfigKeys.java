package dev.samplinglab.engine.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed, validated access to the keys of one JSON config file: every failure is a {@link
 * ModelLoadException} of one line naming the file, the key, what was expected and what was found.
 */
final class ConfigKeys {
    private static final long MAX_BYTES = 1_000_000;

    private final JsonObject json;
    private final String file;

    ConfigKeys(JsonObject json, String file) {
        this.json = json;
        this.file = file;
    }

    /** Reads a JSON object from {@code path} (at most 1 MB). */
    static ConfigKeys read(Path path) {
        String name = path.getFileName().toString();
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ModelLoadException(
                        "%s is larger than 1 MB; not a config".formatted(name));
            }
            JsonElement root =
                    JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
            if (!root.isJsonObject()) {
                throw new ModelLoadException("%s: expected a JSON object".formatted(name));
            }
            return new ConfigKeys(root.getAsJsonObject(), name);
        } catch (IOException | JsonSyntaxException e) {
            throw new ModelLoadException(
                    "%s: cannot read JSON (%s)".formatted(name, e.getMessage()), e);
        }
    }

    String file() {
        return file;
    }

    /** Whether the key is present and not null. */
    boolean has(String key) {
        JsonElement e = json.get(key);
        return e != null && !e.isJsonNull();
    }

    int requireInt(String key, long min, long max) {
        return checkedInt(key, value(key, "an integer in %d..%d".formatted(min, max)), min, max);
    }

    int optInt(String key, int fallback, long min, long max) {
        return has(key) ? requireInt(key, min, max) : fallback;
    }

    /** A positive finite number in (0, max]. */
    double requirePositive(String key, double max) {
        JsonElement e = value(key, "a number in (0, %s]".formatted(max));
        double v = number(key, e, "a number in (0, %s]".formatted(max));
        if (!(v > 0 && v <= max)) {
            throw bad(key, "a number in (0, %s]".formatted(max), e);
        }
        return v;
    }

    double optPositive(String key, double fallback, double max) {
        return has(key) ? requirePositive(key, max) : fallback;
    }

    boolean optBool(String key, boolean fallback) {
        if (!has(key)) {
            if (json.has(key)) {
                throw bad(key, "true or false", json.get(key));
            }
            return fallback;
        }
        JsonElement e = json.get(key);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw bad(key, "true or false", e);
        }
        return e.getAsBoolean();
    }

    String requireString(String key) {
        JsonElement e = value(key, "a string");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw bad(key, "a string", e);
        }
        return e.getAsString();
    }

    String optString(String key, String fallback) {
        return has(key) ? requireString(key) : fallback;
    }

    /** An integer or a list of integers, each in min..max; empty when absent. */
    List<Integer> optIntOrList(String key, long min, long max) {
        if (!json.has(key) || json.get(key).isJsonNull()) {
            return List.of();
        }
        JsonElement e = json.get(key);
        List<Integer> out = new ArrayList<>();
        if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                out.add(checkedInt(key, item, min, max));
            }
        } else {
            out.add(checkedInt(key, e, min, max));
        }
        return out;
    }

    /** A nested object, or null when absent or null. */
    ConfigKeys optObject(String key) {
        if (!has(key)) {
            return null;
        }
        JsonElement e = json.get(key);
        if (!e.isJsonObject()) {
            throw bad(key, "an object or null", e);
        }
        return new ConfigKeys(e.getAsJsonObject(), "%s: %s".formatted(file, key));
    }

    /** The key/value pairs of this object, in file order. */
    java.util.Set<java.util.Map.Entry<String, JsonElement>> entries() {
        return json.entrySet();
    }

    /** The first string of a list (e.g. architectures), or null when absent. */
    String optFirstString(String key) {
        if (!has(key)) {
            return null;
        }
        JsonElement e = json.get(key);
        if (!e.isJsonArray()
                || e.getAsJsonArray().isEmpty()
                || !e.getAsJsonArray().get(0).isJsonPrimitive()) {
            throw bad(key, "a list of strings", e);
        }
        return e.getAsJsonArray().get(0).getAsString();
    }

    ModelLoadException bad(String key, String expected, JsonElement got) {
        return new ModelLoadException(
                "%s: key '%s' must be %s (got %s)".formatted(file, key, expected, shorten(got)));
    }

    ModelLoadException invalid(String key, String message) {
        return new ModelLoadException("%s: key '%s' %s".formatted(file, key, message));
    }

    private JsonElement value(String key, String expected) {
        JsonElement e = json.get(key);
        if (e == null) {
            throw new ModelLoadException(
                    "%s: key '%s' is missing (expected %s)".formatted(file, key, expected));
        }
        if (e.isJsonNull()) {
            throw bad(key, expected, e);
        }
        return e;
    }

    private int checkedInt(String key, JsonElement e, long min, long max) {
        String expected = "an integer in %d..%d".formatted(min, max);
        double v = number(key, e, expected);
        if (v != Math.rint(v) || v < min || v > max) {
            throw bad(key, expected, e);
        }
        return (int) v;
    }

    private double number(String key, JsonElement e, String expected) {
        if (!e.isJsonPrimitive() || !((JsonPrimitive) e).isNumber()) {
            throw bad(key, expected, e);
        }
        double v = e.getAsDouble();
        if (!Double.isFinite(v)) {
            throw bad(key, expected, e);
        }
        return v;
    }

    private static String shorten(JsonElement e) {
        String s = String.valueOf(e);
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }
}
