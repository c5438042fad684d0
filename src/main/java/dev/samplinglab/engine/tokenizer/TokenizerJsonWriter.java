package dev.samplinglab.engine.tokenizer;

import com.google.gson.stream.JsonWriter;
import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link BpeModel} as a Hugging Face {@code tokenizer.json} laid out like GPT-2's: BPE
 * model (vocab + merges as {@code "left right"} strings, the format every tokenizers version
 * parses; byte-level symbols never contain a space), ByteLevel pre-tokenizer ({@code
 * add_prefix_space=false}, {@code use_regex=true}), ByteLevel post-processor and decoder, no
 * normalizer, and {@link BpeModel#EOS} as a special added token. Format reference: <a
 * href="https://huggingface.co/docs/tokenizers/api/tokenizer">HF tokenizers</a>.
 *
 * <p>The file is written to a temporary sibling and moved into place, so a reader never sees a
 * half-written file.
 */
public final class TokenizerJsonWriter {

    private TokenizerJsonWriter() {}

    /** Writes {@code model} to {@code file}, creating parent folders. */
    public static void write(BpeModel model, Path file) throws IOException {
        write(model, List.of(), file);
    }

    /**
     * Writes {@code model} plus {@code extraSpecials} as special added tokens with the ids after
     * {@link BpeModel#EOS} (ChatML's {@code <|im_start|>} and {@code <|im_end|>} for instance,
     * placed like Qwen's: outside {@code model.vocab}).
     */
    public static void write(BpeModel model, List<String> extraSpecials, Path file)
            throws IOException {
        AtomicFiles.write(
                file,
                out -> {
                    Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                    writeJson(model, extraSpecials, w);
                    w.flush();
                });
    }

    static void writeJson(BpeModel model, Writer out) throws IOException {
        writeJson(model, List.of(), out);
    }

    static void writeJson(BpeModel model, List<String> extraSpecials, Writer out)
            throws IOException {
        JsonWriter json = begin(out);
        writeAddedTokens(model, extraSpecials, json);
        json.name("normalizer").nullValue();
        json.name("pre_tokenizer");
        writeByteLevel(json, false, true);
        json.name("post_processor");
        writeByteLevel(json, true, false);
        json.name("decoder");
        writeByteLevel(json, true, true);
        json.name("model");
        writeModel(model, json);
        json.endObject();
        json.flush();
    }

    /**
     * Starts a {@code tokenizer.json} object as the Hugging Face library writes one (two-space
     * indent, nulls kept): its version, no truncation, no padding; the caller writes the rest.
     */
    static JsonWriter begin(Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.setIndent("  ");
        json.setHtmlSafe(false);
        json.setSerializeNulls(true);
        json.beginObject();
        json.name("version").value("1.0");
        json.name("truncation").nullValue();
        json.name("padding").nullValue();
        return json;
    }

    private static void writeAddedTokens(
            BpeModel model, List<String> extraSpecials, JsonWriter json) throws IOException {
        json.name("added_tokens").beginArray();
        writeAddedToken(json, model.eosId(), BpeModel.EOS, true);
        for (int i = 0; i < extraSpecials.size(); i++) {
            writeAddedToken(json, model.vocabSize() + i, extraSpecials.get(i), false);
        }
        json.endArray();
    }

    /** One entry of {@code added_tokens}; special tokens are never split or normalized. */
    public static void writeAddedToken(JsonWriter json, int id, String content, boolean normalized)
            throws IOException {
        json.beginObject();
        json.name("id").value(id);
        json.name("content").value(content);
        json.name("single_word").value(false);
        json.name("lstrip").value(false);
        json.name("rstrip").value(false);
        json.name("normalized").value(normalized);
        json.name("special").value(true);
        json.endObject();
    }

    private static void writeByteLevel(JsonWriter json, boolean addPrefixSpace, boolean trim)
            throws IOException {
        json.beginObject();
        json.name("type").value("ByteLevel");
        json.name("add_prefix_space").value(addPrefixSpace);
        json.name("trim_offsets").value(trim);
        json.name("use_regex").value(true);
        json.endObject();
    }

    private static void writeModel(BpeModel model, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("type").value("BPE");
        json.name("dropout").nullValue();
        json.name("unk_token").nullValue();
        json.name("continuing_subword_prefix").value("");
        json.name("end_of_word_suffix").value("");
        json.name("fuse_unk").value(false);
        json.name("byte_fallback").value(false);
        json.name("ignore_merges").value(false);
        writeVocabAndMerges(json, model.vocab(), model.merges());
        json.endObject();
    }

    /** The BPE model's {@code vocab} (piece → id) and {@code merges} ("left right") entries. */
    public static void writeVocabAndMerges(JsonWriter json, List<String> tokens, List<Merge> merges)
            throws IOException {
        json.name("vocab").beginObject();
        for (int id = 0; id < tokens.size(); id++) {
            json.name(tokens.get(id)).value(id);
        }
        json.endObject();
        json.name("merges").beginArray();
        for (Merge m : merges) {
            json.value(tokens.get(m.left()) + " " + tokens.get(m.right()));
        }
        json.endArray();
    }
}
