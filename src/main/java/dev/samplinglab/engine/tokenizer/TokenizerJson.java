package dev.samplinglab.engine.tokenizer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.model.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Map;

/**
 * What the display side needs from a {@code tokenizer.json}: every id's spelling, which ids are
 * added tokens, the piece style, and the BOS the post-processor puts in front of a prompt. Format:
 * <a href="https://huggingface.co/docs/tokenizers/api/tokenizer">HF tokenizers</a>.
 *
 * @param pieces the vocabulary entry (or added token content) of each id; null for unused ids
 * @param added ids listed in {@code added_tokens}
 * @param style how vocabulary entries are spelled
 * @param postProcessorBos the content of the special token the post-processor prepends, or null
 */
record TokenizerJson(String[] pieces, BitSet added, PieceStyle style, String postProcessorBos) {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final int MAX_IDS = 10_000_000;

    static TokenizerJson read(Path file) {
        String name = file.getFileName().toString();
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ModelLoadException(
                        "%s is larger than 64 MB; not a tokenizer file".formatted(name));
            }
            JsonObject root =
                    JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                            .getAsJsonObject();
            return parse(root, name);
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException(
                    "%s: not a valid tokenizer.json (%s)".formatted(name, e.getMessage()), e);
        }
    }

    private static TokenizerJson parse(JsonObject root, String name) {
        JsonElement model = root.get("model");
        if (model == null || !model.isJsonObject() || !model.getAsJsonObject().has("vocab")) {
            throw new ModelLoadException(
                    "%s: no model.vocab (expected a BPE tokenizer)".formatted(name));
        }
        JsonObject vocab = model.getAsJsonObject().getAsJsonObject("vocab");
        JsonArray addedTokens =
                root.has("added_tokens") && root.get("added_tokens").isJsonArray()
                        ? root.getAsJsonArray("added_tokens")
                        : new JsonArray();
        int size = 0;
        for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
            size = Math.max(size, checkedId(e.getValue().getAsInt(), name) + 1);
        }
        for (JsonElement t : addedTokens) {
            size = Math.max(size, checkedId(t.getAsJsonObject().get("id").getAsInt(), name) + 1);
        }
        String[] pieces = new String[size];
        for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
            pieces[e.getValue().getAsInt()] = e.getKey();
        }
        BitSet added = new BitSet(size);
        for (JsonElement t : addedTokens) {
            JsonObject o = t.getAsJsonObject();
            int id = o.get("id").getAsInt();
            pieces[id] = o.get("content").getAsString();
            added.set(id);
        }
        return new TokenizerJson(pieces, added, style(root), postProcessorBos(root));
    }

    private static int checkedId(int id, String name) {
        if (id < 0 || id >= MAX_IDS) {
            throw new ModelLoadException(
                    "%s: token id %d is outside 0..%d".formatted(name, id, MAX_IDS - 1));
        }
        return id;
    }

    /** Byte-level when the pre-tokenizer or decoder is ByteLevel; SentencePiece-style otherwise. */
    private static PieceStyle style(JsonObject root) {
        String parts = String.valueOf(root.get("pre_tokenizer")) + root.get("decoder");
        return parts.contains("\"ByteLevel\"") ? PieceStyle.BYTE_LEVEL : PieceStyle.SENTENCE_PIECE;
    }

    /** The special token in front of {@code $A} in a TemplateProcessing post-processor. */
    private static String postProcessorBos(JsonObject root) {
        JsonElement pp = root.get("post_processor");
        if (pp == null || !pp.isJsonObject()) {
            return null;
        }
        JsonObject o = pp.getAsJsonObject();
        if (o.has("processors") && o.get("processors").isJsonArray()) {
            for (JsonElement p : o.getAsJsonArray("processors")) {
                String bos = p.isJsonObject() ? templateBos(p.getAsJsonObject()) : null;
                if (bos != null) {
                    return bos;
                }
            }
            return null;
        }
        return templateBos(o);
    }

    private static String templateBos(JsonObject processor) {
        JsonElement single = processor.get("single");
        if (!"TemplateProcessing".equals(stringOrNull(processor.get("type")))
                || single == null
                || !single.isJsonArray()
                || single.getAsJsonArray().isEmpty()) {
            return null;
        }
        JsonElement first = single.getAsJsonArray().get(0);
        if (!first.isJsonObject() || !first.getAsJsonObject().has("SpecialToken")) {
            return null;
        }
        return stringOrNull(first.getAsJsonObject().getAsJsonObject("SpecialToken").get("id"));
    }

    private static String stringOrNull(JsonElement e) {
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    /** The id spelled {@code content}, or -1. */
    int idOf(String content) {
        if (content == null) {
            return -1;
        }
        for (int id = added.nextSetBit(0); id >= 0; id = added.nextSetBit(id + 1)) {
            if (content.equals(pieces[id])) {
                return id;
            }
        }
        for (int id = 0; id < pieces.length; id++) {
            if (content.equals(pieces[id])) {
                return id;
            }
        }
        return -1;
    }
}
