package dev.samplinglab.engine.train;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.tokenizer.BpeModel;
import dev.samplinglab.engine.tokenizer.ByteLevel;
import dev.samplinglab.engine.tokenizer.GptPreTokenizer;
import dev.samplinglab.engine.tokenizer.Merge;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Learns a byte-level BPE vocabulary in the GPT-2 style (Sennrich et al. 2016, <a
 * href="https://arxiv.org/abs/1508.07909">arXiv:1508.07909</a>; Radford et al. 2019).
 *
 * <p>The corpus is split into words by {@link GptPreTokenizer} (the literal {@link BpeModel#EOS} is
 * cut out first, as HF does for special tokens), words are counted, and each distinct word starts
 * as its UTF-8 bytes. Each step merges the adjacent pair with the highest total count over the
 * word-count table; ties go to the pair whose left token text, then right token text, is smallest
 * by {@link String#compareTo} on the byte-level form (so among ASCII letters, the alphabetically
 * first pair wins). Within a word, occurrences are merged left to right without overlap ({@code
 * aaa} becomes {@code aa a}).
 *
 * <p>{@code vocabSize} counts the 256 byte symbols, the learned tokens and {@link BpeModel#EOS}
 * (last id). Training stops early, with a smaller vocabulary, only if the corpus runs out of pairs.
 * If a merge spells a token that already exists (e.g. {@code ab+c} after {@code a+bc}), the merge
 * is recorded and reuses that token's id, as HF's trainer does.
 */
public final class BpeTrainer {

    /** Default vocabulary size, {@link BpeModel#EOS} included. */
    public static final int DEFAULT_VOCAB_SIZE = 2048;

    /** Smallest vocabulary: the 256 byte symbols plus {@link BpeModel#EOS}. */
    public static final int MIN_VOCAB_SIZE = ByteLevel.BYTE_COUNT + 1;

    private BpeTrainer() {}

    /** Trains on a UTF-8 file; malformed UTF-8 is an {@link IllegalArgumentException}. */
    public static BpeModel trainFile(Path corpus, int vocabSize) throws IOException {
        return train(Files.readAllBytes(corpus), vocabSize);
    }

    /** Trains on UTF-8 bytes; malformed UTF-8 is an {@link IllegalArgumentException}. */
    public static BpeModel train(byte[] utf8, int vocabSize) {
        return train(decodeStrict(utf8), vocabSize);
    }

    /** Trains on {@code text} with the {@link #DEFAULT_VOCAB_SIZE}. */
    public static BpeModel train(String text) {
        return train(text, DEFAULT_VOCAB_SIZE);
    }

    /** Trains a tokenizer of at most {@code vocabSize} ids ({@link BpeModel#EOS} included). */
    public static BpeModel train(String text, int vocabSize) {
        validate(text, vocabSize);
        Map<String, Integer> wordCounts = countWords(text);
        int[][] words = new int[wordCounts.size()][];
        int[] counts = new int[wordCounts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            words[w] = byteIds(e.getKey());
            counts[w++] = e.getValue();
        }
        List<String> vocab = byteVocab();
        List<Merge> merges = learnMerges(words, counts, vocab, vocabSize - 1);
        vocab.add(BpeModel.EOS);
        return new BpeModel(vocab, merges);
    }

    private static List<Merge> learnMerges(
            int[][] words, int[] counts, List<String> vocab, int targetTokens) {
        PairIndex index = new PairIndex(words, counts, vocab);
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < vocab.size(); i++) {
            ids.put(vocab.get(i), i);
        }
        List<Merge> merges = new ArrayList<>();
        int[] pair;
        while (vocab.size() < targetTokens && (pair = index.best()) != null) {
            String text = vocab.get(pair[0]) + vocab.get(pair[1]);
            Integer result = ids.get(text);
            if (result == null) {
                result = vocab.size();
                vocab.add(text);
                ids.put(text, result);
            }
            index.merge(pair[0], pair[1], result);
            merges.add(new Merge(pair[0], pair[1], result));
        }
        return merges;
    }

    private static Map<String, Integer> countWords(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : text.split(Pattern.quote(BpeModel.EOS), -1)) {
            for (String word : GptPreTokenizer.split(segment)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static int[] byteIds(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            ids[i] = ByteLevel.idOfByte(bytes[i]);
        }
        return ids;
    }

    private static List<String> byteVocab() {
        List<String> vocab = new ArrayList<>();
        for (int id = 0; id < ByteLevel.BYTE_COUNT; id++) {
            vocab.add(String.valueOf(ByteLevel.charOf(ByteLevel.byteOfId(id))));
        }
        return vocab;
    }

    private static void validate(String text, int vocabSize) {
        if (vocabSize < MIN_VOCAB_SIZE) {
            throw new BadInputException(
                    "vocab size "
                            + vocabSize
                            + " is too small: it must be at least "
                            + MIN_VOCAB_SIZE
                            + " (256 byte symbols + "
                            + BpeModel.EOS
                            + ")");
        }
        if (text == null || text.isEmpty()) {
            throw new BadInputException("corpus is empty: nothing to learn merges from");
        }
        int bad = firstUnpairedSurrogate(text);
        if (bad >= 0) {
            throw new BadInputException(
                    "corpus is not valid Unicode: unpaired surrogate at char index " + bad);
        }
    }

    static int firstUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String decodeStrict(byte[] utf8) {
        CharsetDecoder decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            throw new BadInputException(
                    "corpus is not valid UTF-8: malformed byte at offset " + in.position());
        } catch (CharacterCodingException e) {
            throw new BadInputException("corpus is not valid UTF-8: " + e.getMessage());
        }
    }
}
