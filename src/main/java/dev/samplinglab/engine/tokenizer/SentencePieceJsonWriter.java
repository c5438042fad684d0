package dev.samplinglab.engine.tokenizer;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes a SentencePiece-style BPE {@code tokenizer.json} laid out like Llama 2's and TinyLlama's:
 * normalizer Prepend("▁") + Replace(" " → "▁"), no pre-tokenizer, BPE with {@code byte_fallback}
 * and {@code <unk>}, a TemplateProcessing post-processor that puts {@code <s>} in front, and the
 * decoder Replace("▁" → " ") + ByteFallback + Fuse + Strip(1 leading space). Ids 0-2 are {@code
 * <unk>}, {@code <s>}, {@code </s>}; 3-258 the byte tokens {@code <0x00>}..{@code <0xFF>}. Format:
 * <a href="https://huggingface.co/docs/tokenizers/api/tokenizer">HF tokenizers</a>.
 */
final class SentencePieceJsonWriter {
    static final List<String> SPECIALS = List.of("<unk>", "<s>", "</s>");

    private SentencePieceJsonWriter() {}

    static void write(SyntheticVocab vocab, Writer out) throws IOException {
        JsonWriter json = TokenizerJsonWriter.begin(out);
        json.name("added_tokens").beginArray();
        for (int id = 0; id < SPECIALS.size(); id++) {
            TokenizerJsonWriter.writeAddedToken(json, id, SPECIALS.get(id), false);
        }
        json.endArray();
        writeNormalizer(json);
        json.name("pre_tokenizer").nullValue();
        writePostProcessor(json);
        writeDecoder(json);
        writeModel(vocab, json);
        json.endObject();
        json.flush();
    }

    private static void writeNormalizer(JsonWriter json) throws IOException {
        json.name("normalizer").beginObject().name("type").value("Sequence");
        json.name("normalizers").beginArray();
        json.beginObject().name("type").value("Prepend");
        json.name("prepend").value("▁").endObject();
        writeReplace(json, " ", "▁");
        json.endArray().endObject();
    }

    private static void writeReplace(JsonWriter json, String from, String to) throws IOException {
        json.beginObject().name("type").value("Replace");
        json.name("pattern").beginObject().name("String").value(from).endObject();
        json.name("content").value(to).endObject();
    }

    private static void writePostProcessor(JsonWriter json) throws IOException {
        json.name("post_processor").beginObject().name("type").value("TemplateProcessing");
        json.name("single").beginArray();
        writePiece(json, "SpecialToken", "<s>", 0);
        writePiece(json, "Sequence", "A", 0);
        json.endArray();
        json.name("pair").beginArray();
        writePiece(json, "SpecialToken", "<s>", 0);
        writePiece(json, "Sequence", "A", 0);
        writePiece(json, "SpecialToken", "<s>", 1);
        writePiece(json, "Sequence", "B", 1);
        json.endArray();
        json.name("special_tokens").beginObject().name("<s>").beginObject();
        json.name("id").value("<s>");
        json.name("ids").beginArray().value(1).endArray();
        json.name("tokens").beginArray().value("<s>").endArray();
        json.endObject().endObject().endObject();
    }

    private static void writePiece(JsonWriter json, String kind, String id, int typeId)
            throws IOException {
        json.beginObject().name(kind).beginObject();
        json.name("id").value(id).name("type_id").value(typeId);
        json.endObject().endObject();
    }

    private static void writeDecoder(JsonWriter json) throws IOException {
        json.name("decoder").beginObject().name("type").value("Sequence");
        json.name("decoders").beginArray();
        writeReplace(json, "▁", " ");
        json.beginObject().name("type").value("ByteFallback").endObject();
        json.beginObject().name("type").value("Fuse").endObject();
        json.beginObject().name("type").value("Strip");
        json.name("content").value(" ").name("start").value(1).name("stop").value(0);
        json.endObject();
        json.endArray().endObject();
    }

    private static void writeModel(SyntheticVocab vocab, JsonWriter json) throws IOException {
        json.name("model").beginObject();
        json.name("type").value("BPE");
        json.name("dropout").nullValue();
        json.name("unk_token").value("<unk>");
        json.name("continuing_subword_prefix").nullValue();
        json.name("end_of_word_suffix").nullValue();
        json.name("fuse_unk").value(true);
        json.name("byte_fallback").value(true);
        json.name("ignore_merges").value(false);
        TokenizerJsonWriter.writeVocabAndMerges(json, vocab.tokens(), vocab.merges());
        json.endObject();
    }
}
