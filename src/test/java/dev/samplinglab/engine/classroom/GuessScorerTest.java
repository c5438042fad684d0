package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guess scoring on a hand-built GPT-2 style tokenizer and hand-built distributions: after "I love"
 * the model gives ' you' 0.5, ' the' 0.2, ' Rom' 0.12, ' You' 0.05, '!' 0.03 and 'you' 0.01 (ranks
 * 1 to 6, every other id far below); after "I love Rom" it gives 'eo' 0.9, after "I love you" '!'
 * 0.6. ' Romeo' is not a token: the vocabulary has ' Rom' and 'eo'.
 */
class GuessScorerTest {
    private static HfTextTokenizer tok;

    private static final Map<String, Map<String, Double>> TABLE =
            Map.of(
                    "",
                    Map.of(
                            " you", 0.5, " the", 0.2, " Rom", 0.12, " You", 0.05, "!", 0.03, "you",
                            0.01),
                    " Rom",
                    Map.of("eo", 0.9),
                    " you",
                    Map.of("!", 0.6));

    @BeforeAll
    static void tokenizer() {
        tok =
                HandTokenizer.bpe(
                        List.of(" you", " You", "you", " the", " Rom", "eo", "I", " love", "!"));
    }

    @AfterAll
    static void close() {
        tok.close();
    }

    static Stream<Arguments> guesses() {
        return Stream.of(
                // typed, context, text read, pieces, p, rank of the first token, formula
                Arguments.of(
                        "you", "I love", " you", List.of("␣you"), 0.5, 1, "p(' you') 0.5", false),
                Arguments.of(
                        "You", "I love", " You", List.of("␣You"), 0.05, 4, "p(' You') 0.05", false),
                Arguments.of(
                        "\" you\"",
                        "I love",
                        " you",
                        List.of("␣you"),
                        0.5,
                        1,
                        "p(' you') 0.5",
                        false),
                Arguments.of(
                        "\"you\"",
                        "I love",
                        "you",
                        List.of("you"),
                        0.01,
                        6,
                        "p('you') 0.01",
                        false),
                Arguments.of(
                        "you  ", "I love", " you", List.of("␣you"), 0.5, 1, "p(' you') 0.5", false),
                Arguments.of("!", "I love", "!", List.of("!"), 0.03, 5, "p('!') 0.03", false),
                Arguments.of(
                        "Romeo",
                        "I love",
                        " Romeo",
                        List.of("␣Rom", "eo"),
                        0.108,
                        3,
                        "p(' Rom') 0.12 × p('eo') 0.9 = 0.108",
                        false),
                Arguments.of(
                        "you!",
                        "I love",
                        " you!",
                        List.of("␣you", "!"),
                        0.3,
                        1,
                        "p(' you') 0.5 × p('!') 0.6 = 0.3",
                        false),
                // after a space the model's context already holds 'Ġ': the guess is read apart
                Arguments.of(
                        "you", "I love ", "you", List.of("you"), 0.01, 6, "p('you') 0.01", true));
    }

    @ParameterizedTest(name = "{0} after \"{1}\"")
    @MethodSource("guesses")
    void scoresAGuessAsTheTokenizerReadsIt(
            String typed,
            String context,
            String text,
            List<String> pieces,
            double prob,
            int rank,
            String formula,
            boolean apart) {
        GuessScore s = GuessScorer.score(TableModel.of(tok, context, TABLE), typed);
        assertThat(s.text()).isEqualTo(text);
        assertThat(s.tokens()).extracting(TokenOdds::piece).containsExactlyElementsOf(pieces);
        assertThat(s.prob()).isCloseTo(prob, within(1e-12));
        assertThat(s.logProb()).isCloseTo(Math.log(prob), within(1e-9));
        assertThat(s.rank()).isEqualTo(rank);
        assertThat(s.inTop()).isTrue();
        assertThat(s.formula()).isEqualTo(formula);
        assertThat(s.apart()).isEqualTo(apart);
    }

    @Test
    void aWordThatIsNotOneTokenSaysSo() {
        GuessScore s = GuessScorer.score(TableModel.of(tok, "I love", TABLE), "Romeo");
        assertThat(s.singleToken()).isFalse();
        assertThat(s.note()).isEqualTo("' Romeo' is 2 tokens of this model, not one");
        assertThat(s.tokens()).extracting(TokenOdds::rank).containsExactly(3, 1);
    }

    @Test
    void anUnlikelyGuessIsOutOfTheTopTenAndItsPointsStopAtTheFloor() {
        // 'z' is a byte token the table leaves in the shared rest (about 3e-4 each)
        GuessScore s = GuessScorer.score(TableModel.of(tok, "I love", TABLE), "\"zzzzzz\"");
        assertThat(s.tokens()).hasSize(6);
        assertThat(s.rank()).isGreaterThan(GuessScore.TOP);
        assertThat(s.inTop()).isFalse();
        assertThat(s.logProb()).isLessThan(GuessScore.FLOOR);
        assertThat(s.points()).isEqualTo(GuessScore.FLOOR);
    }

    @Test
    void aGuessOfSeveralTokensIsAHitOnlyWhenEachTokenIsInTheTopTen() {
        // ' you' is #1, but after it 'z' is one of the ids sharing the rest: far below 10
        GuessScore s = GuessScorer.score(TableModel.of(tok, "I love", TABLE), "\" youz\"");
        assertThat(s.tokens()).extracting(TokenOdds::rank).first().isEqualTo(1);
        assertThat(s.tokens().get(1).rank()).isGreaterThan(GuessScore.TOP);
        assertThat(s.inTop()).isFalse();
        assertThat(s.formula()).startsWith("p(' you') 0.5 × p('z') ");
    }

    @Test
    void anEmptyGuessScoresNothing() {
        GuessScore s = GuessScorer.score(TableModel.of(tok, "I love", TABLE), "   ");
        assertThat(s.tokens()).isEmpty();
        assertThat(s.prob()).isZero();
        assertThat(s.inTop()).isFalse();
        assertThat(s.points()).isEqualTo(GuessScore.FLOOR);
        assertThat(s.formula()).isEqualTo("nothing to score");
    }

    @Test
    void aGuessLongerThanTheLimitIsCut() {
        GuessScore s =
                GuessScorer.score(TableModel.of(tok, "I love", TABLE), "\"zzzzzzzzzzzzzzzz\"");
        assertThat(s.cut()).isTrue();
        assertThat(s.tokens()).hasSize(GuessScorer.MAX_TOKENS);
        assertThat(s.note()).contains("only its first 12 tokens are scored");
    }

    @Test
    void theTopListIsOrderedByProbability() {
        List<TokenOdds> top = GuessScorer.top(TableModel.of(tok, "I love", TABLE), 10);
        assertThat(top).hasSize(10);
        assertThat(top.subList(0, 6))
                .extracting(TokenOdds::piece)
                .containsExactly("␣you", "␣the", "␣Rom", "␣You", "!", "you");
        assertThat(top).extracting(TokenOdds::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }
}
