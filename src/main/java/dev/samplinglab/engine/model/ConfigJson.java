package dev.samplinglab.engine.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A strict, typed reader over one JSON config file of a model folder ({@code config.json}, {@code
 * generation_config.json}, {@code tokenizer_config.json}). Every failure is a {@link
 * ModelLoadException} with one line naming the file and the key: missing, {@code null}, wrong JSON
 * type, a fraction where an integer belongs, or out of range. Ranges are inclusive.
 *
 * <p>{@code null} counts as an error for every getter except {@link #optionalObject}, where the
 * Hugging Face files use it to mean "none" ({@code "rope_scaling": null}). Key formats follow
 * https://huggingface.co/docs/transformers/main_classes/configuration
 */
public final class ConfigJson {
    /** Config files are small; anything larger is not a config. */
    static final long MAX_BYTES = 4_000_000;

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private final JsonObject root;
    private final String file;

    private ConfigJson(JsonObject root, String file) {
        this.root = root;
        this.file = file;
    }

    /** Wraps a parsed object; {@code file} names it in messages (a nested one as "file: key"). */
    public static ConfigJson of(JsonObject root, String file) {
        return new ConfigJson(root, file);
    }

    /** Reads a required file; a missing one is "NAME is missing in DIR". */
    public static ConfigJson read(Path path) {
        return readIfPresent(path)
                .orElseThrow(
                        () ->
                                new ModelLoadException(
                                        "%s is missing in %s"
                                                .formatted(path.getFileName(), path.getParent())));
    }

    /** Reads an optional file: empty when it does not exist. */
    public static Optional<ConfigJson> readIfPresent(Path path) {
        String name = path.getFileName().toString();
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            throw new ModelLoadException("%s is not a file".formatted(name));
        }
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ModelLoadException(
                        "%s is larger than %d MB; not a config file"
                                .formatted(name, MAX_BYTES / 1_000_000));
            }
            return Optional.of(parse(Files.readString(path, StandardCharsets.UTF_8), name));
        } catch (IOException e) {
            throw new ModelLoadException("%s: cannot read (%s)".formatted(name, e.getMessage()), e);
        }
    }

    /** Parses text strictly (no comments, NaN or unquoted names); the top level is an object. */
    public static ConfigJson parse(String text, String file) {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new ModelLoadException(
                        "%s: not valid JSON (text after the top-level value)".formatted(file));
            }
        } catch (IOException | JsonParseException | StackOverflowError e) {
            throw new ModelLoadException(
                    "%s: not valid JSON (%s)".formatted(file, firstLine(e.getMessage())), e);
        }
        if (!root.isJsonObject()) {
            throw new ModelLoadException("%s: expected a JSON object at the top".formatted(file));
        }
        return new ConfigJson(root.getAsJsonObject(), file);
    }

    /** The file name used in messages. */
    public String file() {
        return file;
    }

    /** Whether the key is present (even with a {@code null} value). */
    public boolean has(String key) {
        return root.has(key);
    }

    /** An integer that must be present. */
    public int requiredInt(String key, int min, int max) {
        return toInt(key, required(key, intRange(min, max)), min, max);
    }

    /** An integer, {@code fallback} when the key is absent. */
    public int optionalInt(String key, int fallback, int min, int max) {
        return has(key) ? requiredInt(key, min, max) : fallback;
    }

    /** A whole number that must be present (a seed). */
    public long requiredLong(String key, long min, long max) {
        String expected = "an integer in %d..%d".formatted(min, max);
        JsonElement e = required(key, expected);
        if (!e.isJsonPrimitive()
                || !e.getAsJsonPrimitive().isNumber()
                || !INTEGER.matcher(e.getAsString()).matches()) {
            throw invalid(key, expected, e);
        }
        try {
            long v = Long.parseLong(e.getAsString());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException tooLong) {
            // reported below
        }
        throw invalid(key, expected, e);
    }

    /** A nested object that must be present, as its own reader. */
    public ConfigJson requiredObject(String key) {
        return optionalObject(key).orElseThrow(() -> error(key, "is missing or null"));
    }

    /** A list of objects that must be present, each as its own reader ("file: key[i]"). */
    public java.util.List<ConfigJson> requiredObjects(String key) {
        JsonElement e = required(key, "a list of objects");
        if (!e.isJsonArray()) {
            throw invalid(key, "a list of objects", e);
        }
        java.util.List<ConfigJson> out = new java.util.ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw invalid(key, "a list of objects", item);
            }
            out.add(
                    new ConfigJson(
                            item.getAsJsonObject(), "%s: %s[%d]".formatted(file, key, out.size())));
        }
        return out;
    }

    /** A number that must be present. */
    public double requiredDouble(String key, double min, double max) {
        return toDouble(key, required(key, doubleRange(min, max)), min, max);
    }

    /** A number, {@code fallback} when the key is absent. */
    public double optionalDouble(String key, double fallback, double min, double max) {
        return has(key) ? requiredDouble(key, min, max) : fallback;
    }

    /** {@code true} or {@code false}, {@code fallback} when the key is absent. */
    public boolean optionalBoolean(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonElement e = required(key, "true or false");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw invalid(key, "true or false", e);
        }
        return e.getAsBoolean();
    }

    /** A string that must be present. */
    public String requiredString(String key) {
        JsonElement e = required(key, "a string");
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw invalid(key, "a string", e);
        }
        return e.getAsString();
    }

    /** A string, {@code fallback} when the key is absent. */
    public String optionalString(String key, String fallback) {
        return has(key) ? requiredString(key) : fallback;
    }

    /**
     * An integer or a non-empty list of integers ({@code eos_token_id} may be either), {@code
     * fallback} when the key is absent.
     */
    public int[] optionalIntOrIntList(String key, int[] fallback, int min, int max) {
        if (!has(key)) {
            return fallback;
        }
        String expected = "an integer or a list of integers in %d..%d".formatted(min, max);
        JsonElement e = required(key, expected);
        if (!e.isJsonArray()) {
            return new int[] {toInt(key, e, min, max)};
        }
        JsonArray a = e.getAsJsonArray();
        if (a.isEmpty() || a.size() > 1000) {
            throw invalid(key, expected, e);
        }
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toInt(key, a.get(i), min, max);
        }
        return out;
    }

    /**
     * A nested object as its own reader (messages say "file: key.inner"); empty when the key is
     * absent or {@code null}, which Hugging Face files use for "none".
     */
    public Optional<ConfigJson> optionalObject(String key) {
        JsonElement e = root.get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        if (!e.isJsonObject()) {
            throw invalid(key, "an object or null", e);
        }
        return Optional.of(new ConfigJson(e.getAsJsonObject(), "%s: %s".formatted(file, key)));
    }

    /** A list of strings ({@code architectures}), empty when the key is absent. */
    public java.util.List<String> optionalStrings(String key) {
        if (!has(key)) {
            return java.util.List.of();
        }
        JsonElement e = required(key, "a list of strings");
        if (!e.isJsonArray()) {
            throw invalid(key, "a list of strings", e);
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonPrimitive() || !item.getAsJsonPrimitive().isString()) {
                throw invalid(key, "a list of strings", e);
            }
            out.add(item.getAsString());
        }
        return out;
    }

    /** The keys of this object, in file order (the tensor names of a weight_map). */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(root.keySet());
    }

    /**
     * A token's text written either as a string or as an {@code AddedToken} object with a string
     * {@code content} (both occur for {@code bos_token} / {@code eos_token} in {@code
     * tokenizer_config.json}); empty when the key is absent or {@code null}.
     */
    public Optional<String> optionalTokenText(String key) {
        JsonElement e = root.get(key);
        if (e == null || e.isJsonNull()) {
            return Optional.empty();
        }
        String expected = "a string, an object with a string \"content\", or null";
        if (isString(e)) {
            return Optional.of(e.getAsString());
        }
        if (e.isJsonObject() && isString(e.getAsJsonObject().get("content"))) {
            return Optional.of(e.getAsJsonObject().get("content").getAsString());
        }
        throw invalid(key, expected, e);
    }

    /**
     * A string, or one string picked from a list of objects: the {@code valueKey} of the object
     * whose {@code nameKey} is {@code name} ({@code chat_template} may be a list of {@code {name,
     * template}}). Empty when the key is absent, or the list has no such object.
     */
    public Optional<String> optionalStringOrNamed(
            String key, String nameKey, String name, String valueKey) {
        if (!has(key)) {
            return Optional.empty();
        }
        JsonElement e = required(key, "a string or a list of objects");
        if (!e.isJsonArray()) {
            return Optional.of(requiredString(key));
        }
        int i = 0;
        for (JsonElement item : e.getAsJsonArray()) {
            if (!item.isJsonObject()) {
                throw invalid(key, "a string or a list of objects", e);
            }
            ConfigJson o =
                    new ConfigJson(item.getAsJsonObject(), "%s: %s[%d]".formatted(file, key, i++));
            if (name.equals(o.requiredString(nameKey))) {
                return Optional.of(o.requiredString(valueKey));
            }
        }
        return Optional.empty();
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    /** An error about {@code key} in this file, for checks across keys. */
    public ModelLoadException error(String key, String problem) {
        return new ModelLoadException("%s: key '%s' %s".formatted(file, key, problem));
    }

    private JsonElement required(String key, String expected) {
        JsonElement e = root.get(key);
        if (e == null) {
            throw error(key, "is missing; expected " + expected);
        }
        if (e.isJsonNull()) {
            throw error(key, "is null; expected " + expected);
        }
        return e;
    }

    private int toInt(String key, JsonElement e, int min, int max) {
        String expected = intRange(min, max);
        if (!e.isJsonPrimitive()
                || !e.getAsJsonPrimitive().isNumber()
                || !INTEGER.matcher(e.getAsString()).matches()) {
            throw invalid(key, expected, e);
        }
        long v;
        try {
            v = Long.parseLong(e.getAsString());
        } catch (NumberFormatException tooLong) {
            throw invalid(key, expected, e);
        }
        if (v < min || v > max) {
            throw invalid(key, expected, e);
        }
        return (int) v;
    }

    private double toDouble(String key, JsonElement e, double min, double max) {
        String expected = doubleRange(min, max);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw invalid(key, expected, e);
        }
        double v = e.getAsDouble();
        if (!(v >= min && v <= max)) {
            throw invalid(key, expected, e);
        }
        return v;
    }

    private ModelLoadException invalid(String key, String expected, JsonElement got) {
        return error(key, "must be %s (got %s)".formatted(expected, shortText(got)));
    }

    private static String intRange(int min, int max) {
        return "an integer in %d..%d".formatted(min, max);
    }

    private static String doubleRange(double min, double max) {
        return "a number in [%s, %s]".formatted(min, max);
    }

    private static String shortText(JsonElement e) {
        String s = e instanceof JsonPrimitive p && p.isString() ? p.toString() : e.toString();
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unexpected end";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
