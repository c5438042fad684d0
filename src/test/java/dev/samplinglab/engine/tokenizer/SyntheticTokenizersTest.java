package dev.samplinglab.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.chat.ChatMessage;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers.Kind;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both published tokenizer kinds, written by {@link SyntheticTokenizers} and loaded through DJL's
 * tokenizers like a downloaded model. Expected ids are worked out from the layouts in the javadoc
 * of {@link SyntheticTokenizers} and {@link SyntheticVocab}: merges are made left to right for each
 * word in order, so " the" is the first three merges.
 */
class SyntheticTokenizersTest {
    private static final int SIZE = 600;
    private static HfTextTokenizer byteLevel;
    private static HfTextTokenizer sentencePiece;

    @BeforeAll
    static void load() {
        byteLevel = SyntheticTokenizers.create(Kind.BYTE_LEVEL_CHATML, SIZE);
        sentencePiece = SyntheticTokenizers.create(Kind.SENTENCE_PIECE_ZEPHYR, SIZE);
    }

    @AfterAll
    static void close() {
        byteLevel.close();
        sentencePiece.close();
    }

    static Stream<String> trickyTexts() {
        return Stream.of(
                "",
                "the king",
                " leading space",
                "   three leading spaces",
                "trailing spaces   ",
                "tab\tand\ttabs",
                "windows\r\nline\r\nends",
                "\n\n\n",
                "emoji 😀👍🏽",
                "family 👨‍👩‍👧 zwj",
                "日本語のテキスト",
                "中文 和 English",
                "한국어 텍스트",
                "accents: café naïve Zürich",
                "math ∑ ∞ ≠ ½",
                "quotes “curly” ‘single’",
                "html <b>tag</b> & 'quotes'",
                "numbers 3.14159 1,000,000",
                "control \u0001 char",
                "mixed\t 空格 \r\n😀 end");
    }

    @ParameterizedTest
    @MethodSource("trickyTexts")
    void byteLevelRoundTrips(String text) {
        assertThat(byteLevel.decode(byteLevel.encode(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("trickyTexts")
    void sentencePieceRoundTrips(String text) {
        assertThat(sentencePiece.decode(sentencePiece.encode(text))).isEqualTo(text);
    }

    @Test
    void sentencePieceLosesWhatLlama2Loses() {
        // Llama 2's tokenizer has the same two blind spots: a literal ▁ reads as a space, and
        // special-token text in the input becomes the special token, with the prepended ▁
        // applied again after it.
        assertThat(sentencePiece.decode(sentencePiece.encode("x▁y"))).isEqualTo("x y");
        assertThat(sentencePiece.encode("<s> hi")[0]).isEqualTo(1);
        assertThat(sentencePiece.decode(sentencePiece.encode("<s> hi"))).isEqualTo("<s>  hi");
    }

    static Stream<Arguments> ids() {
        // Byte-level: bytes '!'..'~' are ids 0..93 (t=83, h=71, e=68), newline is 198, then
        // Ġt 256, Ġth 257, Ġthe 258, Ġa 259, Ġan 260, Ġand 261.
        // SentencePiece: <unk> <s> </s> 0-2, <0xNN> = 3 + NN, ▁ 259, '!'..'~' 260..353, then
        // ▁t 354, ▁th 355, ▁the 356, ▁a 357, ▁an 358, ▁and 359.
        return Stream.of(
                Arguments.of(Kind.BYTE_LEVEL_CHATML, " the", new int[] {258}),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, "the and", new int[] {83, 71, 68, 261}),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, "\n", new int[] {198}),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, "é", new int[] {127, 102}),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, "the and", new int[] {356, 359}),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, "\n", new int[] {259, 3 + 0x0A}),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, "é", new int[] {259, 3 + 0xC3, 3 + 0xA9}),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, "A", new int[] {259, 260 + 'A' - '!'}));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void idsAreTheHandComputedOnes(Kind kind, String text, int[] expected) {
        assertThat(tokenizer(kind).encode(text)).containsExactly(expected);
    }

    static Stream<Arguments> pieces() {
        return Stream.of(
                Arguments.of(Kind.BYTE_LEVEL_CHATML, 258, "␣the", false),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, 198, "↵", false),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, 127, "<0xC3>", false),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, SIZE - 3, "<|endoftext|>", true),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, SIZE - 2, "<|im_start|>", true),
                Arguments.of(Kind.BYTE_LEVEL_CHATML, SIZE - 1, "<|im_end|>", true),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 356, "␣the", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 259, "␣", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 3 + 0x0A, "↵", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 3 + 0x09, "⇥", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 3 + 0x41, "A", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 3 + 0xC3, "<0xC3>", false),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 0, "<unk>", true),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 1, "<s>", true),
                Arguments.of(Kind.SENTENCE_PIECE_ZEPHYR, 2, "</s>", true));
    }

    @ParameterizedTest
    @MethodSource("pieces")
    void displayPiecesAndSpecialFlags(Kind kind, int id, String piece, boolean special) {
        assertThat(tokenizer(kind).piece(id)).isEqualTo(piece);
        assertThat(tokenizer(kind).isSpecial(id)).isEqualTo(special);
    }

    @Test
    void bosAndEosComeFromTheTokenizerFiles() {
        assertThat(sentencePiece.bosId()).isEqualTo(1);
        assertThat(sentencePiece.eosId()).isEqualTo(2);
        assertThat(sentencePiece.encodeWithSpecials("the and")).containsExactly(1, 356, 359);
        assertThat(byteLevel.bosId()).isEqualTo(SIZE - 2);
        assertThat(byteLevel.eosId()).isEqualTo(SIZE - 1);
        assertThat(byteLevel.encodeWithSpecials(" the")).containsExactly(258);
    }

    @Test
    void styleAndVocabularySize() {
        assertThat(byteLevel.style()).isEqualTo(PieceStyle.BYTE_LEVEL);
        assertThat(sentencePiece.style()).isEqualTo(PieceStyle.SENTENCE_PIECE);
        assertThat(byteLevel.vocabSize()).isEqualTo(SIZE);
        assertThat(sentencePiece.vocabSize()).isEqualTo(SIZE);
    }

    @Test
    void chatTemplateSpecialTokensBecomeSingleIds() {
        String prompt =
                byteLevel
                        .chatTemplate()
                        .orElseThrow()
                        .render(List.of(ChatMessage.system("S"), ChatMessage.user("U")), true);
        int[] ids = byteLevel.encode(prompt);
        assertThat(ids[0]).isEqualTo(SIZE - 2);
        assertThat(byteLevel.piece(ids[0])).isEqualTo("<|im_start|>");
        assertThat(java.util.Arrays.stream(ids).filter(byteLevel::isSpecial).count()).isEqualTo(5);
        assertThat(byteLevel.decode(ids)).isEqualTo(prompt);

        String zephyr =
                sentencePiece
                        .chatTemplate()
                        .orElseThrow()
                        .render(List.of(ChatMessage.user("Hi")), true);
        assertThat(zephyr).isEqualTo("<|user|>\nHi</s>\n<|assistant|>\n");
        assertThat(sentencePiece.encode(zephyr)).contains(2);
    }

    @Test
    void vocabularyOfQwenSizeIsExact() {
        try (HfTextTokenizer qwen = SyntheticTokenizers.create(Kind.BYTE_LEVEL_CHATML, 151_665)) {
            assertThat(qwen.vocabSize()).isEqualTo(151_665);
            assertThat(qwen.piece(151_664)).isEqualTo("<|im_end|>");
        }
    }

    private static HfTextTokenizer tokenizer(Kind kind) {
        return kind == Kind.BYTE_LEVEL_CHATML ? byteLevel : sentencePiece;
    }
}
