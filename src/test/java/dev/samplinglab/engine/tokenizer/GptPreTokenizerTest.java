package dev.samplinglab.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GptPreTokenizerTest {

    @Test
    void splitsLikeGpt2() {
        assertThat(GptPreTokenizer.split("Hello world's  end\n\n x"))
                .containsExactly("Hello", " world", "'s", " ", " end", "\n\n", " x");
    }

    @Test
    void treatsUnicodeWhitespaceAsWhitespace() {
        assertThat(GptPreTokenizer.split("a\u00a0b\u3000c"))
                .containsExactly("a", "\u00a0", "b", "\u3000", "c");
    }

    @Test
    void keepsDigitsAndPunctuationApart() {
        assertThat(GptPreTokenizer.split("x1599!? 42")).containsExactly("x", "1599", "!?", " 42");
    }

    @Test
    void emptyTextHasNoWords() {
        assertThat(GptPreTokenizer.split("")).isEmpty();
    }
}
