package dev.samplinglab.engine.tokenizer;

import dev.samplinglab.engine.chat.ChatTemplate;
import dev.samplinglab.engine.chat.PromptEncoder;
import java.util.Optional;

/** Text to token ids and back, plus a readable display piece for every id. */
public interface TextTokenizer extends PromptEncoder, AutoCloseable {

    /** The ids of {@code text} alone: no BOS or EOS added. */
    @Override
    int[] encode(String text);

    /**
     * The ids of a prompt as the tokenizer's post-processor builds them: with the BOS (and EOS) it
     * adds, as Hugging Face's {@code tokenizer(text)} does. Tokenizers without one add nothing.
     */
    @Override
    default int[] encodeWithSpecials(String text) {
        return encode(text);
    }

    /** Decodes ids to text (special tokens kept). */
    String decode(int[] ids);

    /** The token as shown in charts: its text with space, newline and tab made visible. */
    String piece(int id);

    /**
     * Number of ids the tokenizer knows (vocabulary plus added tokens). A model may have more
     * embedding rows (Qwen pads to 151,936); ids at or beyond this are never sampled or shown.
     */
    int vocabSize();

    /** The end-of-text id, or -1 when there is none. */
    int eosId();

    /** The beginning-of-text id, or -1 when there is none. */
    default int bosId() {
        return -1;
    }

    /**
     * Whether {@code id} is a special or added token ({@code <s>}, {@code <|im_start|>}, ...):
     * control text the model reads, shown as a distinct chip rather than as text.
     */
    default boolean isSpecial(int id) {
        return false;
    }

    /** The model's own chat template ({@code tokenizer_config.json}), if it has one. */
    @Override
    default Optional<ChatTemplate> chatTemplate() {
        return Optional.empty();
    }

    @Override
    default void close() {}
}
