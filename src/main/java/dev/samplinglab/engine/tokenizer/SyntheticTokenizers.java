package dev.samplinglab.engine.tokenizer;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Made-up tokenizers of the two published kinds, for tests and for the random models; each is a
 * real {@code tokenizer.json} + {@code tokenizer_config.json} loaded through the same {@link
 * HfTextTokenizer} path as a downloaded model, with exactly the number of ids asked for.
 *
 * <ul>
 *   <li>{@link Kind#BYTE_LEVEL_CHATML} (SmolLM2, Qwen): byte-level BPE, ids 0-255 the bytes, {@code
 *       <|endoftext|>} at {@code vocabSize - 3}, then {@code <|im_start|>} and {@code <|im_end|>};
 *       no BOS; EOS {@code <|im_end|>}; SmolLM2-Instruct's ChatML chat template.
 *   <li>{@link Kind#SENTENCE_PIECE_ZEPHYR} (TinyLlama, Llama 2): {@code <unk>} 0, {@code <s>} 1
 *       (added in front of every prompt by the post-processor), {@code </s>} 2, byte tokens {@code
 *       <0x00>}..{@code <0xFF>} at 3-258, then {@code ▁} and printable ASCII, then merged pieces;
 *       TinyLlama-Chat's Zephyr chat template.
 * </ul>
 *
 * <p>For a random model: {@code SyntheticTokenizers.create(Kind.BYTE_LEVEL_CHATML, 49_152)}
 * (SmolLM2's vocabulary size), {@code create(Kind.BYTE_LEVEL_CHATML, 151_665)} under Qwen2.5's
 * 151,936 embedding rows (the rows beyond {@code vocabSize()} are never sampled), or {@code
 * create(Kind.SENTENCE_PIECE_ZEPHYR, 32_000)} for TinyLlama. The caller closes the tokenizer.
 */
public final class SyntheticTokenizers {

    /** The two published tokenizer layouts. */
    public enum Kind {
        BYTE_LEVEL_CHATML,
        SENTENCE_PIECE_ZEPHYR
    }

    /** SmolLM2-135M-Instruct's chat template, as published in its tokenizer_config.json. */
    public static final String CHATML_TEMPLATE =
            "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system'"
                    + " %}{{ '<|im_start|>system\\nYou are a helpful AI assistant named SmolLM,"
                    + " trained by Hugging Face<|im_end|>\\n' }}{% endif %}{{'<|im_start|>' +"
                    + " message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{%"
                    + " endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{%"
                    + " endif %}";

    /** TinyLlama-1.1B-Chat-v1.0's chat template, as published in its tokenizer_config.json. */
    public static final String ZEPHYR_TEMPLATE =
            "{% for message in messages %}\n{% if message['role'] == 'user' %}\n{{ '<|user|>\\n' +"
                    + " message['content'] + eos_token }}\n{% elif message['role'] == 'system'"
                    + " %}\n{{ '<|system|>\\n' + message['content'] + eos_token }}\n{% elif"
                    + " message['role'] == 'assistant' %}\n{{ '<|assistant|>\\n'  +"
                    + " message['content'] + eos_token }}\n{% endif %}\n{% if loop.last and"
                    + " add_generation_prompt %}\n{{ '<|assistant|>' }}\n{% endif %}\n{% endfor %}";

    private static final List<String> CHATML_SPECIALS = List.of("<|im_start|>", "<|im_end|>");

    private SyntheticTokenizers() {}

    /** The smallest vocabulary of each kind (its fixed ids plus one merge). */
    public static int minimumVocabSize(Kind kind) {
        return switch (kind) {
            case BYTE_LEVEL_CHATML -> ByteLevel.BYTE_COUNT + 1 + 1 + CHATML_SPECIALS.size();
            case SENTENCE_PIECE_ZEPHYR -> sentencePieceAlphabet().size() + 1;
        };
    }

    /** A loaded tokenizer of {@code kind} with exactly {@code vocabSize} ids. */
    public static HfTextTokenizer create(Kind kind, int vocabSize) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("synthetic-tokenizer");
            write(kind, vocabSize, dir);
            return HfTextTokenizer.loadFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Writes {@code tokenizer.json} and {@code tokenizer_config.json} of {@code kind} to {@code
     * dir}.
     */
    public static void write(Kind kind, int vocabSize, Path dir) throws IOException {
        if (vocabSize < minimumVocabSize(kind)) {
            throw new IllegalArgumentException(
                    "a %s tokenizer needs at least %d ids".formatted(kind, minimumVocabSize(kind)));
        }
        Files.createDirectories(dir);
        switch (kind) {
            case BYTE_LEVEL_CHATML -> {
                writeByteLevel(vocabSize, dir.resolve("tokenizer.json"));
                writeConfig(dir, "<|im_start|>", "<|im_end|>", CHATML_TEMPLATE);
            }
            case SENTENCE_PIECE_ZEPHYR -> {
                SyntheticVocab vocab =
                        SyntheticVocab.build(
                                sentencePieceAlphabet(),
                                t -> t.replace(' ', PieceStyle.SPACE_MARK),
                                vocabSize);
                try (Writer out =
                        Files.newBufferedWriter(
                                dir.resolve("tokenizer.json"), StandardCharsets.UTF_8)) {
                    SentencePieceJsonWriter.write(vocab, out);
                }
                writeConfig(dir, "<s>", "</s>", ZEPHYR_TEMPLATE);
            }
        }
    }

    private static void writeByteLevel(int vocabSize, Path file) throws IOException {
        List<String> alphabet = new ArrayList<>();
        for (int id = 0; id < ByteLevel.BYTE_COUNT; id++) {
            alphabet.add(String.valueOf(ByteLevel.charOf(ByteLevel.byteOfId(id))));
        }
        int bpeSize = vocabSize - 1 - CHATML_SPECIALS.size();
        SyntheticVocab vocab = SyntheticVocab.build(alphabet, ByteLevel::encode, bpeSize);
        List<String> tokens = new ArrayList<>(vocab.tokens());
        tokens.add(BpeModel.EOS);
        List<Merge> merges = vocab.merges();
        TokenizerJsonWriter.write(new BpeModel(tokens, merges), CHATML_SPECIALS, file);
    }

    /**
     * The base symbols of the SentencePiece kind: specials, 256 byte tokens, ▁, printable ASCII.
     */
    static List<String> sentencePieceAlphabet() {
        List<String> alphabet = new ArrayList<>(SentencePieceJsonWriter.SPECIALS);
        for (int b = 0; b < 256; b++) {
            alphabet.add("<0x%02X>".formatted(b));
        }
        alphabet.add(String.valueOf(PieceStyle.SPACE_MARK));
        for (char c = '!'; c <= '~'; c++) {
            alphabet.add(String.valueOf(c));
        }
        return alphabet;
    }

    private static void writeConfig(Path dir, String bos, String eos, String template)
            throws IOException {
        JsonObject config = new JsonObject();
        config.addProperty("bos_token", bos);
        config.addProperty("eos_token", eos);
        config.addProperty("chat_template", template);
        Files.writeString(
                dir.resolve(TokenizerConfig.FILE), config.toString(), StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
