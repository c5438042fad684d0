package dev.samplinglab.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.model.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A Hugging Face {@code tokenizer.json} loaded through DJL's tokenizers binding (fully local; input
 * is never truncated). Display pieces come from the byte-level vocabulary in the same file.
 */
public final class HfTextTokenizer implements TextTokenizer {
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;

    private final HuggingFaceTokenizer tokenizer;
    private final String[] pieces;
    private final int eosId;

    private HfTextTokenizer(HuggingFaceTokenizer tokenizer, String[] pieces, int eosId) {
        this.tokenizer = tokenizer;
        this.pieces = pieces;
        this.eosId = eosId;
    }

    /** Loads and checks {@code tokenizer.json}. */
    public static HfTextTokenizer load(Path file) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(
                    name
                            + " is missing in "
                            + file.getParent()
                            + ": a model folder needs config.json, model.safetensors and tokenizer.json");
        }
        String[] pieces = readPieces(file, name);
        int eos = Arrays.asList(pieces).indexOf("<|endoftext|>");
        try {
            HuggingFaceTokenizer tok =
                    HuggingFaceTokenizer.builder()
                            .optTokenizerPath(file)
                            .optAddSpecialTokens(false)
                            .optTruncation(false)
                            .optPadding(false)
                            .build();
            return new HfTextTokenizer(tok, pieces, eos);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    name + ": the tokenizers library refused it (" + e.getMessage() + ")", e);
        }
    }

    private static String[] readPieces(Path file, String name) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ModelLoadException(name + " is larger than 64 MB; not a tokenizer file");
            }
            JsonObject root =
                    JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                            .getAsJsonObject();
            JsonElement model = root.get("model");
            if (model == null || !model.isJsonObject() || !model.getAsJsonObject().has("vocab")) {
                throw new ModelLoadException(name + ": no model.vocab (expected a BPE tokenizer)");
            }
            JsonObject vocab = model.getAsJsonObject().getAsJsonObject("vocab");
            int size = 0;
            for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
                size = Math.max(size, e.getValue().getAsInt() + 1);
            }
            JsonElement added = root.get("added_tokens");
            if (added != null && added.isJsonArray()) {
                for (JsonElement t : added.getAsJsonArray()) {
                    size = Math.max(size, t.getAsJsonObject().get("id").getAsInt() + 1);
                }
            }
            if (size > 10_000_000) {
                throw new ModelLoadException(name + ": vocabulary of " + size + " ids is absurd");
            }
            String[] pieces = new String[size];
            for (Map.Entry<String, JsonElement> e : vocab.entrySet()) {
                pieces[e.getValue().getAsInt()] = e.getKey();
            }
            if (added != null && added.isJsonArray()) {
                for (JsonElement t : added.getAsJsonArray()) {
                    JsonObject o = t.getAsJsonObject();
                    pieces[o.get("id").getAsInt()] = o.get("content").getAsString();
                }
            }
            return pieces;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ModelLoadException m) {
                throw m;
            }
            throw new ModelLoadException(
                    name + ": not a valid tokenizer.json (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public int[] encode(String text) {
        long[] ids = tokenizer.encode(text).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, false);
    }

    @Override
    public String piece(int id) {
        if (id < 0 || id >= pieces.length || pieces[id] == null) {
            return "<" + id + ">";
        }
        String raw = pieces[id];
        return raw.startsWith("<|") && raw.endsWith("|>") ? raw : Pieces.fromByteLevel(raw);
    }

    @Override
    public int vocabSize() {
        return pieces.length;
    }

    @Override
    public int eosId() {
        return eosId;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
