package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.generate.BundledModels;
import dev.samplinglab.engine.tokenizer.ByteTokenizer;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A guess is tokenized the way each kind of tokenizer the app opens writes it after the context:
 * the context's ids followed by the guess's decode to the context's text followed by the guess's.
 */
class GuessTokensTest {

    static Stream<Arguments> tokenizers() {
        List<Supplier<TextTokenizer>> kinds =
                List.of(
                        () -> HandTokenizer.bpe(List.of(" you", "I", " love")),
                        () -> HfTextTokenizer.loadFolder(BundledModels.defaultModelDir()),
                        () ->
                                SyntheticTokenizers.create(
                                        SyntheticTokenizers.Kind.BYTE_LEVEL_CHATML, 600),
                        () ->
                                SyntheticTokenizers.create(
                                        SyntheticTokenizers.Kind.SENTENCE_PIECE_ZEPHYR, 600),
                        () -> new ByteTokenizer(257));
        List<String> names =
                List.of(
                        "hand GPT-2 BPE",
                        "bundled",
                        "byte-level (Qwen)",
                        "SentencePiece (Llama)",
                        "bytes");
        return java.util.stream.IntStream.range(0, kinds.size())
                .mapToObj(i -> Arguments.of(names.get(i), kinds.get(i)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokenizers")
    void aNewWordGetsItsSpaceTheWayTheTokenizerWritesIt(String name, Supplier<TextTokenizer> kind) {
        try (TextTokenizer tok = kind.get()) {
            for (String[] c :
                    new String[][] {
                        {"I love", "you", "I love you"},
                        {"I love", "Romeo", "I love Romeo"},
                        {"ROMEO:", "\\n", "ROMEO:\n"},
                        {"What, ", "ho", "What, ho"},
                    }) {
                int[] context = tok.encode(c[0]);
                String text = GuessText.resolve(c[1], GuessTokens.tailText(tok, context));
                GuessTokens guess = GuessTokens.of(tok, context, text);
                int[] all = Arrays.copyOf(context, context.length + guess.ids().length);
                System.arraycopy(guess.ids(), 0, all, context.length, guess.ids().length);
                assertThat(tok.decode(all)).as("%s + %s", c[0], c[1]).endsWith(c[2]);
                assertThat(guess.ids()).isNotEmpty();
            }
        }
    }
}
