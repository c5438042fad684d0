package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.StepRecord;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scoring on the bundled model: the lookahead agrees with the session and leaves it as it was. */
class SessionLookaheadTest {
    private static LanguageModel lm;

    @BeforeAll
    static void open() {
        lm = LanguageModel.open("bundled");
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void aMultiTokenGuessIsScoredAsTheSessionWouldDrawIt() {
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

    @Test
    void scoringLeavesTheSessionAsItWas() {
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
