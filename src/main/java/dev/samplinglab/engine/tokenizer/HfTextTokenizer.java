package dev.samplinglab.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.samplinglab.engine.chat.ChatTemplate;
import dev.samplinglab.engine.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Hugging Face {@code tokenizer.json} loaded through DJL's tokenizers binding (fully local; input
 * is never truncated), byte-level BPE (GPT-2, SmolLM2, Qwen, Llama 3) or SentencePiece-style BPE
 * with byte fallback (Llama 2, TinyLlama). Display pieces, added tokens and the post-processor's
 * BOS come from the same file; BOS/EOS text and the chat template from {@code
 * tokenizer_config.json} when the folder has one.
 */
public final class HfTextTokenizer implements TextTokenizer {
    /** End-of-text spellings tried, in order, when no tokenizer_config.json names one. */
    private static final List<String> EOS_NAMES =
            List.of("<|endoftext|>", "</s>", "<|end_of_text|>", "<|im_end|>", "<eos>");

    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerJson vocab;
    private final int bosId;
    private final int eosId;
    private final ChatTemplate chatTemplate;

    private HfTextTokenizer(
            HuggingFaceTokenizer tokenizer,
            TokenizerJson vocab,
            int bosId,
            int eosId,
            ChatTemplate chatTemplate) {
        this.tokenizer = tokenizer;
        this.vocab = vocab;
        this.bosId = bosId;
        this.eosId = eosId;
        this.chatTemplate = chatTemplate;
    }

    /** Loads and checks {@code tokenizer.json} alone (no tokenizer_config.json). */
    public static HfTextTokenizer load(Path file) {
        return load(file, TokenizerConfig.NONE);
    }

    /**
     * Loads a model folder's {@code tokenizer.json} with its {@code tokenizer_config.json} (if
     * any). A chat template the engine cannot render is reported when chat mode is used, not here:
     * plain prompts keep working.
     */
    public static HfTextTokenizer loadFolder(Path dir) {
        return load(dir.resolve("tokenizer.json"), TokenizerConfig.readIfPresent(dir));
    }

    private static HfTextTokenizer load(Path file, TokenizerConfig config) {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(
                    "%s is missing in %s: a model folder needs config.json, model.safetensors and tokenizer.json"
                            .formatted(name, file.getParent()));
        }
        TokenizerJson vocab = TokenizerJson.read(file);
        int bos =
                vocab.idOf(
                        config.bosToken() != null ? config.bosToken() : vocab.postProcessorBos());
        int eos = eosId(vocab, config);
        ChatTemplate template = chatTemplate(config);
        try {
            HuggingFaceTokenizer tok =
                    HuggingFaceTokenizer.builder()
                            .optTokenizerPath(file)
                            .optAddSpecialTokens(false)
                            .optTruncation(false)
                            .optPadding(false)
                            .build();
            return new HfTextTokenizer(tok, vocab, bos, eos, template);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                    "%s: the tokenizers library refused it (%s)".formatted(name, e.getMessage()),
                    e);
        }
    }

    private static int eosId(TokenizerJson vocab, TokenizerConfig config) {
        if (config.eosToken() != null && vocab.idOf(config.eosToken()) >= 0) {
            return vocab.idOf(config.eosToken());
        }
        return EOS_NAMES.stream()
                .mapToInt(vocab::idOf)
                .filter(id -> id >= 0)
                .findFirst()
                .orElse(-1);
    }

    private static ChatTemplate chatTemplate(TokenizerConfig config) {
        if (config.chatTemplate() == null) {
            return null;
        }
        return ChatTemplate.of(config.chatTemplate(), config.bosToken(), config.eosToken());
    }

    @Override
    public int[] encode(String text) {
        return toInts(tokenizer.encode(text, false, false).getIds());
    }

    @Override
    public int[] encodeWithSpecials(String text) {
        return toInts(tokenizer.encode(text, true, false).getIds());
    }

    private static int[] toInts(long[] ids) {
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
        String[] pieces = vocab.pieces();
        if (id < 0 || id >= pieces.length || pieces[id] == null) {
            return "<%d>".formatted(id);
        }
        return isSpecial(id) ? Pieces.visible(pieces[id]) : vocab.style().display(pieces[id]);
    }

    @Override
    public boolean isSpecial(int id) {
        return id >= 0 && vocab.added().get(id);
    }

    /** How this vocabulary spells its tokens. */
    public PieceStyle style() {
        return vocab.style();
    }

    @Override
    public int vocabSize() {
        return vocab.pieces().length;
    }

    @Override
    public int eosId() {
        return eosId;
    }

    @Override
    public int bosId() {
        return bosId;
    }

    @Override
    public Optional<ChatTemplate> chatTemplate() {
        return Optional.ofNullable(chatTemplate);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
