package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.tokenizer.BpeModel;
import dev.samplinglab.engine.tokenizer.ByteLevel;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import dev.samplinglab.engine.tokenizer.Merge;
import dev.samplinglab.engine.tokenizer.TokenizerJsonWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GPT-2 style byte-level BPE tokenizer made by hand: the 256 bytes plus exactly the given words
 * as tokens (" you" is {@code Ġyou}), loaded through the real tokenizers library.
 */
public final class HandTokenizer {
    private HandTokenizer() {}

    public static HfTextTokenizer bpe(List<String> words) {
        List<String> vocab = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        for (int id = 0; id < ByteLevel.BYTE_COUNT; id++) {
            String s = String.valueOf(ByteLevel.charOf(ByteLevel.byteOfId(id)));
            vocab.add(s);
            ids.put(s, id);
        }
        List<Merge> merges = new ArrayList<>();
        // words with a leading space first: their merges must outrank the bare word's ("you")
        List<String> ordered = new ArrayList<>(words);
        ordered.sort(Comparator.comparing(w -> w.startsWith(" ") ? 0 : 1));
        for (String word : ordered) {
            String w = ByteLevel.encode(word);
            String left = w.substring(0, 1);
            for (int i = 1; i < w.length(); i++) {
                String right = w.substring(i, i + 1);
                String joined = left + right;
                if (!ids.containsKey(joined)) {
                    ids.put(joined, vocab.size());
                    vocab.add(joined);
                    merges.add(new Merge(ids.get(left), ids.get(right), ids.get(joined)));
                }
                left = joined;
            }
        }
        vocab.add(BpeModel.EOS);
        try {
            Path dir = Files.createTempDirectory("hand-bpe");
            Path file = dir.resolve("tokenizer.json");
            TokenizerJsonWriter.write(new BpeModel(vocab, merges), file);
            HfTextTokenizer tok = HfTextTokenizer.load(file);
            Files.delete(file);
            Files.delete(dir);
            return tok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
