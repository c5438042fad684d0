package dev.samplinglab.engine.tokenizer;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import dev.samplinglab.engine.model.ModelLoadException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The keys of {@code tokenizer_config.json} the engine reads: the BOS and EOS token text and the
 * Jinja {@code chat_template}. A token may be written as a string or as an {@code AddedToken}
 * object with a {@code content}; a template as a string or as a list of named templates (the one
 * named {@code default} is used). See <a
 * href="https://huggingface.co/docs/transformers/main/en/chat_templating">Chat templates</a>.
 *
 * @param bosToken the BOS text, or null
 * @param eosToken the EOS text, or null
 * @param chatTemplate the template source, or null
 */
public record TokenizerConfig(String bosToken, String eosToken, String chatTemplate) {
    static final String FILE = "tokenizer_config.json";
    private static final long MAX_BYTES = 16_000_000;

    /** No config file: nothing known. */
    public static final TokenizerConfig NONE = new TokenizerConfig(null, null, null);

    /** Reads {@code dir/tokenizer_config.json}; {@link #NONE} when the folder has none. */
    public static TokenizerConfig readIfPresent(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return NONE;
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ModelLoadException(
                        "%s is larger than 16 MB; not a tokenizer config".formatted(FILE));
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ModelLoadException("%s: cannot read (%s)".formatted(FILE, e.getMessage()), e);
        }
    }

    /** Parses the text of a {@code tokenizer_config.json}. */
    public static TokenizerConfig parse(String text) {
        JsonObject root = strictObject(text);
        return new TokenizerConfig(
                token(root, "bos_token"), token(root, "eos_token"), template(root));
    }

    public Optional<String> chatTemplateSource() {
        return Optional.ofNullable(chatTemplate);
    }

    private static JsonObject strictObject(String text) {
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(text));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | StackOverflowError e) {
            throw new ModelLoadException("%s: not valid JSON (%s)".formatted(FILE, e.getMessage()));
        }
        if (!root.isJsonObject()) {
            throw new ModelLoadException("%s: expected a JSON object at the top".formatted(FILE));
        }
        return root.getAsJsonObject();
    }

    private static String token(JsonObject root, String key) {
        JsonElement e = root.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (isString(e)) {
            return e.getAsString();
        }
        if (e.isJsonObject() && isString(e.getAsJsonObject().get("content"))) {
            return e.getAsJsonObject().get("content").getAsString();
        }
        throw invalid(key, "a string, an object with a string \"content\", or null");
    }

    private static String template(JsonObject root) {
        JsonElement e = root.get("chat_template");
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (isString(e)) {
            return e.getAsString();
        }
        if (e.isJsonArray()) {
            for (JsonElement t : e.getAsJsonArray()) {
                if (t.isJsonObject()
                        && isString(t.getAsJsonObject().get("name"))
                        && "default".equals(t.getAsJsonObject().get("name").getAsString())
                        && isString(t.getAsJsonObject().get("template"))) {
                    return t.getAsJsonObject().get("template").getAsString();
                }
            }
            return null;
        }
        throw invalid("chat_template", "a string or a list of {name, template} objects");
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static ModelLoadException invalid(String key, String expected) {
        return new ModelLoadException("%s: key '%s' must be %s".formatted(FILE, key, expected));
    }
}
