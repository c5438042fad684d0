package dev.samplinglab.engine.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A made-up BPE vocabulary of an exact size: the alphabet, then each word of {@link #WORDS} built
 * by left-to-right merges, then longer tokens (earlier tokens plus a common letter) until the size
 * is reached. Every token is reachable by its merge, so the vocabulary is a valid BPE model.
 *
 * @param tokens the token spellings by id
 * @param merges the merges in rank order
 */
record SyntheticVocab(List<String> tokens, List<Merge> merges) {

    /** Common English words and pieces, with their leading space where a word starts. */
    static final List<String> WORDS =
            List.of(
                    " the",
                    " and",
                    " of",
                    " to",
                    " a",
                    " in",
                    " is",
                    " that",
                    " it",
                    " was",
                    " for",
                    " on",
                    " with",
                    " as",
                    " be",
                    " at",
                    " by",
                    " this",
                    " had",
                    " not",
                    " are",
                    " but",
                    " from",
                    " or",
                    " have",
                    " an",
                    " they",
                    " which",
                    " one",
                    " you",
                    " were",
                    " her",
                    " all",
                    " she",
                    " there",
                    " would",
                    " their",
                    " we",
                    " him",
                    " been",
                    " has",
                    " when",
                    " who",
                    " will",
                    " more",
                    " no",
                    " if",
                    " out",
                    " so",
                    " said",
                    " what",
                    " up",
                    " its",
                    " about",
                    " into",
                    " than",
                    " them",
                    " can",
                    " only",
                    " other",
                    " new",
                    " some",
                    " could",
                    " time",
                    " these",
                    " two",
                    " may",
                    " then",
                    " do",
                    " first",
                    " any",
                    " my",
                    " now",
                    " such",
                    " like",
                    " our",
                    " over",
                    " man",
                    " me",
                    " even",
                    " most",
                    " made",
                    " after",
                    " also",
                    " did",
                    " many",
                    " before",
                    " must",
                    " through",
                    " back",
                    " years",
                    " where",
                    " much",
                    " your",
                    " way",
                    " well",
                    " down",
                    " should",
                    " because",
                    " each",
                    " just",
                    " those",
                    " people",
                    " how",
                    " too",
                    " little",
                    " state",
                    " good",
                    " very",
                    " make",
                    " world",
                    " still",
                    " own",
                    " see",
                    " men",
                    " work",
                    " long",
                    " get",
                    " here",
                    " between",
                    " both",
                    " life",
                    " being",
                    " under",
                    " never",
                    " day",
                    " same",
                    " another",
                    " know",
                    " while",
                    " last",
                    " might",
                    " us",
                    " great",
                    " old",
                    " year",
                    " off",
                    " come",
                    " since",
                    " against",
                    " go",
                    " came",
                    " right",
                    " used",
                    " take",
                    " three",
                    " The",
                    " I",
                    " He",
                    " It",
                    " In",
                    " A",
                    " And",
                    " We",
                    " You",
                    " They",
                    "ing",
                    "ed",
                    "er",
                    "ly",
                    "es",
                    "ion",
                    "tion",
                    "al",
                    "ent",
                    "s",
                    ".",
                    ",",
                    "\n",
                    "\n\n",
                    "  ",
                    "    ",
                    " (",
                    ")",
                    "'s",
                    " \"",
                    "\"",
                    ":",
                    ";",
                    "!",
                    "?");

    /** Frequent letters the filler appends to earlier tokens. */
    private static final String FILLER_LETTERS = "etaoinshrdlucmfwypvbgk";

    /**
     * Builds the vocabulary.
     *
     * @param alphabet the base symbols (ids 0..alphabet.size()-1)
     * @param spell the spelling of a text in this vocabulary's symbols (one symbol a char)
     * @param size the number of tokens wanted, alphabet included
     */
    static SyntheticVocab build(
            List<String> alphabet, java.util.function.UnaryOperator<String> spell, int size) {
        if (size < alphabet.size()) {
            throw new IllegalArgumentException(
                    "a vocabulary of %d is smaller than its %d base symbols"
                            .formatted(size, alphabet.size()));
        }
        Builder b = new Builder(alphabet, size);
        for (String word : WORDS) {
            b.addChain(spell.apply(word));
        }
        List<String> letters = new ArrayList<>();
        for (char c : FILLER_LETTERS.toCharArray()) {
            letters.add(spell.apply(String.valueOf(c)));
        }
        for (int i = alphabet.size(); !b.full() && i < b.tokens.size(); i++) {
            for (String letter : letters) {
                b.addMerge(b.tokens.get(i), letter);
            }
        }
        return new SyntheticVocab(List.copyOf(b.tokens), List.copyOf(b.merges));
    }

    private static final class Builder {
        final List<String> tokens = new ArrayList<>();
        final List<Merge> merges = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();
        final int size;

        Builder(List<String> alphabet, int size) {
            this.size = size;
            for (String s : alphabet) {
                ids.put(s, tokens.size());
                tokens.add(s);
            }
        }

        boolean full() {
            return tokens.size() >= size;
        }

        /** Merges the symbols of {@code spelled} left to right, adding each new prefix. */
        void addChain(String spelled) {
            String current = String.valueOf(spelled.charAt(0));
            for (int i = 1; i < spelled.length(); i++) {
                String next = String.valueOf(spelled.charAt(i));
                addMerge(current, next);
                current = current + next;
            }
        }

        void addMerge(String left, String right) {
            String joined = left + right;
            if (full() || ids.containsKey(joined) || !ids.containsKey(left)) {
                return;
            }
            Integer r = ids.get(right);
            if (r == null) {
                return;
            }
            int id = tokens.size();
            ids.put(joined, id);
            tokens.add(joined);
            merges.add(new Merge(ids.get(left), r, id));
        }
    }
}
