package dev.samplinglab.engine.tokenizer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pure-Java byte-level BPE encoder for a {@link BpeModel}, used to cross-check the Hugging Face
 * tokenizer built from the written {@code tokenizer.json}. Within each pre-tokenized word it
 * repeatedly merges the adjacent pair of lowest merge rank (all its non-overlapping occurrences,
 * left to right), as GPT-2's <a
 * href="https://github.com/openai/gpt-2/blob/master/src/encoder.py">encoder.py</a> does. The
 * literal {@link BpeModel#EOS} is split out first and becomes the EOS id, like an HF special added
 * token.
 */
public final class BpeEncoder {

    private static final Pattern EOS_SPLIT = Pattern.compile(Pattern.quote(BpeModel.EOS));

    private final BpeModel model;
    private final Map<Long, Merge> mergesByPair = new HashMap<>();
    private final Map<Long, Integer> rankByPair = new HashMap<>();

    BpeEncoder(BpeModel model) {
        this.model = model;
        List<Merge> merges = model.merges();
        for (int rank = 0; rank < merges.size(); rank++) {
            Merge m = merges.get(rank);
            long key = key(m.left(), m.right());
            mergesByPair.putIfAbsent(key, m);
            rankByPair.putIfAbsent(key, rank);
        }
    }

    /** Token ids of {@code text}. */
    public int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        String[] segments = EOS_SPLIT.split(text, -1);
        for (int s = 0; s < segments.length; s++) {
            if (s > 0) {
                ids.add(model.eosId());
            }
            for (String word : GptPreTokenizer.split(segments[s])) {
                for (int id : encodeWord(word)) {
                    ids.add(id);
                }
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Token ids of one pre-tokenized word. */
    public int[] encodeWord(String word) {
        byte[] bytes = word.getBytes(StandardCharsets.UTF_8);
        int[] symbols = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            symbols[i] = ByteLevel.idOfByte(bytes[i]);
        }
        Merge next;
        while ((next = lowestRankPair(symbols)) != null) {
            symbols = next.applyTo(symbols);
        }
        return symbols;
    }

    /** The text spelled by {@code ids}; the EOS id is spelled as {@link BpeModel#EOS}. */
    public String decode(int[] ids) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int id : ids) {
            String piece = model.vocab().get(id);
            byte[] bytes =
                    id == model.eosId()
                            ? piece.getBytes(StandardCharsets.UTF_8)
                            : ByteLevel.decodeBytes(piece);
            out.write(bytes, 0, bytes.length);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private Merge lowestRankPair(int[] symbols) {
        Merge best = null;
        int bestRank = Integer.MAX_VALUE;
        for (int i = 0; i + 1 < symbols.length; i++) {
            long key = key(symbols[i], symbols[i + 1]);
            Integer rank = rankByPair.get(key);
            if (rank != null && rank < bestRank) {
                bestRank = rank;
                best = mergesByPair.get(key);
            }
        }
        return best;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }
}
