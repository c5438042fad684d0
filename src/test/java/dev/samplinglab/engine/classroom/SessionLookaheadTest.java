package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.StepRecord;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scoring on the bundled model (GPT-2 family) and a random Llama: the lookahead agrees with the
 * session and leaves it as it was.
 */
class SessionLookaheadTest {
    private static LanguageModel bundled;
    private static LanguageModel llama;

    @BeforeAll
    static void open() {
        bundled = LanguageModel.open("bundled");
        llama = LanguageModel.open("random:tiny-llama");
    }

    @AfterAll
    static void close() {
        bundled.close();
        llama.close();
    }

    static Stream<String> models() {
        return Stream.of("bundled", "random:tiny-llama");
    }

    private static LanguageModel model(String spec) {
        return spec.equals("bundled") ? bundled : llama;
    }

    @ParameterizedTest
    @MethodSource("models")
    void aMultiTokenGuessIsScoredAsTheSessionWouldDrawIt(String spec) {
        LanguageModel lm = model(spec);
        SamplingPipeline pipeline = SamplingPipeline.of(SamplingSettings.neutral());
        try (DecodeSession session = new DecodeSession(lm, "ROMEO:\nWhat", 7)) {
            GuessScore score;
            try (SessionLookahead model = new SessionLookahead(session)) {
                score = GuessScorer.score(model, "shall we");
            }
            assertThat(score.tokens().size()).isGreaterThan(1);
            // the same tokens forced into the session have the same probabilities under the model
            try (DecodeSession forced = new DecodeSession(lm, "ROMEO:\nWhat", 7)) {
                for (TokenOdds t : score.tokens()) {
                    StepRecord r = forced.stepForced(t.id(), pipeline);
                    assertThat(t.prob()).isCloseTo(r.trace().chosenRawProb(), within(1e-5));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void scoringLeavesTheSessionAsItWas(String spec) {
        LanguageModel lm = model(spec);
        SamplingPipeline pipeline = SamplingPipeline.of(SamplingSettings.neutral());
        try (DecodeSession plain = new DecodeSession(lm, "ROMEO:", 11);
                DecodeSession scored = new DecodeSession(lm, "ROMEO:", 11)) {
            for (int step = 0; step < 4; step++) {
                try (SessionLookahead model = new SessionLookahead(scored)) {
                    GuessScorer.score(model, "love me");
                    GuessScorer.score(model, "and");
                }
                assertThat(scored.cacheLength()).isEqualTo(plain.cacheLength());
                assertThat(scored.nextLogits()).containsExactly(plain.nextLogits());
                assertThat(scored.step(pipeline).tokenId())
                        .isEqualTo(plain.step(pipeline).tokenId());
            }
        }
    }
}
