package dev.samplinglab.app.cachelab;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cache lab's sentences read naturally and its explanation says what the cache saves. */
class CacheLabTextTest {

    @ParameterizedTest
    @CsvSource({
        "bundled, the bundled model",
        "bundled:tiny-shakespeare, the bundled model tiny-shakespeare",
        "random:gpt2-small, random:gpt2-small (random weights)",
        "/models/gpt2, gpt2"
    })
    void specsReadAsWords(String spec, String words) {
        assertThat(CacheLabView.describe(spec)).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource({"O(t) per token", "keys and values", "O(1)", "memory"})
    void theExplanationSaysWhatIsRecomputed(String phrase) {
        assertThat(CacheLabView.EXPLANATION).contains(phrase);
    }

    /** A text block's line continuation once left runs of 13 spaces inside the paragraph. */
    @org.junit.jupiter.api.Test
    void theExplanationIsOneParagraphWithSingleSpaces() {
        assertThat(CacheLabView.EXPLANATION).doesNotContain("  ").doesNotContain("\n");
    }
}
