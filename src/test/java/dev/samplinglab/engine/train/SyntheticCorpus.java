package dev.samplinglab.engine.train;

import java.util.Random;

/**
 * Seeded pseudo-text for tokenizer tests: frequent words, invented words, punctuation, digits and
 * line breaks.
 */
final class SyntheticCorpus {

    private static final String[] WORDS = {
        "the",
        "and",
        "thou",
        "thee",
        "king",
        "lord",
        "love",
        "death",
        "night",
        "sweet",
        "come",
        "go",
        "what",
        "shall",
        "will",
        "would",
        "speak",
        "heaven",
        "brother",
        "sister",
        "café",
        "naïve",
        "Ελληνικά",
        "日本語",
        "мир",
        "don't",
        "I'll",
        "we've",
        "42",
        "1599"
    };
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "nu", "ser", "tha", "ven", "dor", "qui", "pel", "ri", "zo", "ash", "em"
    };
    private static final String[] SEPARATORS = {
        " ", " ", " ", " ", ", ", ". ", "!\n", "\n", "  ", "\t"
    };

    private SyntheticCorpus() {}

    static String words(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int rank = (int) Math.min(WORDS.length - 1, Math.abs(random.nextGaussian()) * 8);
            String word = random.nextInt(3) == 0 ? inventedWord(random) : WORDS[rank];
            text.append(random.nextInt(10) == 0 ? capitalize(word) : word);
            text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        return text.toString();
    }

    private static String inventedWord(Random random) {
        StringBuilder word = new StringBuilder();
        for (int s = 1 + random.nextInt(3); s > 0; s--) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return word.toString();
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
