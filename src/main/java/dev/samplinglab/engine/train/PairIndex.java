package dev.samplinglab.engine.train;

import dev.samplinglab.engine.tokenizer.Merge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Incremental pair statistics for BPE training over a word-count table: the weighted count of every
 * adjacent token pair, an index from each pair to the words that contain it, and a max-heap of
 * candidates. A merge only revisits the words that contain the merged pair, instead of recounting
 * the whole table (the "incremental update" of Sennrich et al. 2016, <a
 * href="https://arxiv.org/abs/1508.07909">arXiv:1508.07909</a>).
 *
 * <p>The heap uses lazy deletion: every count change pushes a fresh entry, and a popped entry whose
 * count no longer matches the table is discarded.
 */
final class PairIndex {

    private record Candidate(long pair, int count) {}

    private final int[][] words;
    private final int[] wordCounts;
    private final List<String> tokens;
    private final Map<Long, Integer> pairCounts = new HashMap<>();
    private final Map<Long, Set<Integer>> pairWords = new HashMap<>();
    private final PriorityQueue<Candidate> heap;

    /**
     * @param words token ids of each distinct word (arrays are replaced as merges apply)
     * @param wordCounts occurrences of each word in the corpus
     * @param tokens the growing vocabulary, for the tie-break by token text
     */
    PairIndex(int[][] words, int[] wordCounts, List<String> tokens) {
        this.words = words;
        this.wordCounts = wordCounts;
        this.tokens = tokens;
        this.heap = new PriorityQueue<>(this::compareCandidates);
        Map<Long, Integer> initial = new HashMap<>();
        for (int w = 0; w < words.length; w++) {
            addPairs(initial, w, wordCounts[w]);
        }
        applyDeltas(initial);
    }

    /**
     * Highest count first; ties go to the pair whose left token text is smaller, then whose right
     * token text is smaller ({@link String#compareTo} on the byte-level form).
     */
    private int compareCandidates(Candidate x, Candidate y) {
        if (x.count != y.count) {
            return Integer.compare(y.count, x.count);
        }
        int byLeft = tokens.get(left(x.pair)).compareTo(tokens.get(left(y.pair)));
        return byLeft != 0
                ? byLeft
                : tokens.get(right(x.pair)).compareTo(tokens.get(right(y.pair)));
    }

    /** The most frequent pair as {@code {left, right}}, or null when no pair is left. */
    int[] best() {
        while (!heap.isEmpty()) {
            Candidate top = heap.peek();
            if (top.count == pairCounts.getOrDefault(top.pair, 0)) {
                return new int[] {left(top.pair), right(top.pair)};
            }
            heap.poll();
        }
        return null;
    }

    /** Replaces every non-overlapping (left to right) occurrence of the pair by {@code result}. */
    void merge(int left, int right, int result) {
        Set<Integer> holders = pairWords.remove(key(left, right));
        Map<Long, Integer> deltas = new HashMap<>();
        for (int w : holders) {
            if (!contains(words[w], left, right)) {
                continue; // stale index entry: the pair was merged away by an earlier merge
            }
            addPairs(deltas, w, -wordCounts[w]);
            words[w] = new Merge(left, right, result).applyTo(words[w]);
            addPairs(deltas, w, wordCounts[w]);
        }
        applyDeltas(deltas);
    }

    private void addPairs(Map<Long, Integer> deltas, int w, int weight) {
        int[] symbols = words[w];
        for (int i = 0; i + 1 < symbols.length; i++) {
            long pair = key(symbols[i], symbols[i + 1]);
            deltas.merge(pair, weight, Integer::sum);
            if (weight > 0) {
                pairWords.computeIfAbsent(pair, p -> new HashSet<>()).add(w);
            }
        }
    }

    private void applyDeltas(Map<Long, Integer> deltas) {
        List<Long> changed = new ArrayList<>();
        deltas.forEach(
                (pair, delta) -> {
                    if (delta != 0) {
                        changed.add(pair);
                    }
                });
        for (long pair : changed) {
            int count = pairCounts.getOrDefault(pair, 0) + deltas.get(pair);
            if (count > 0) {
                pairCounts.put(pair, count);
                heap.add(new Candidate(pair, count));
            } else {
                pairCounts.remove(pair);
            }
        }
    }

    private static boolean contains(int[] symbols, int left, int right) {
        for (int i = 0; i + 1 < symbols.length; i++) {
            if (symbols[i] == left && symbols[i + 1] == right) {
                return true;
            }
        }
        return false;
    }

    private static long key(int left, int right) {
        return ((long) left << 32) | (right & 0xFFFFFFFFL);
    }

    private static int left(long pair) {
        return (int) (pair >>> 32);
    }

    private static int right(long pair) {
        return (int) pair;
    }
}
