package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DecodeSessionTest {
    static LanguageModel lm;
    static final SamplingPipeline SAMPLE =
            SamplingPipeline.of(SamplingSettings.builder().temperature(1.5).build());
    static final SamplingPipeline GREEDY = SamplingPipeline.of(SamplingSettings.greedyDecoding());

    @BeforeAll
    static void open() {
        lm = TestModels.tiny(64, 11);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void backThenStepReproducesTheSameLogitsCoinAndToken() {
        try (DecodeSession s = new DecodeSession(lm, "To be", 42)) {
            for (int i = 0; i < 5; i++) {
                s.step(SAMPLE);
            }
            StepRecord last = s.history().get(4);
            float[] logitsBefore = last.trace().full().rawLogits();
            s.back();
            assertThat(s.history()).hasSize(4);
            assertThat(s.cacheLength()).isEqualTo(s.promptLength() + 4);
            StepRecord again = s.step(SAMPLE);
            assertThat(again.trace().full().rawLogits()).containsExactly(logitsBefore);
            assertThat(again.trace().coin()).isEqualTo(last.trace().coin());
            assertThat(again.tokenId()).isEqualTo(last.tokenId());
        }
    }

    @Test
    void backBeyondTheKeptLogitsRecomputesTheSameLogits() {
        try (LanguageModel wide = TestModels.tiny(128, 11);
                DecodeSession s = new DecodeSession(wide, "x", 1)) {
            for (int i = 0; i < 70; i++) {
                s.step(GREEDY);
            }
            int tokenAt2 = s.history().get(2).tokenId();
            s.truncateTo(3);
            s.truncateTo(2);
            StepRecord again = s.step(GREEDY);
            assertThat(again.index()).isEqualTo(2);
            assertThat(again.tokenId()).isEqualTo(tokenAt2);
            assertThat(s.cacheLength()).isEqualTo(s.promptLength() + 3);
        }
    }

    @Test
    void forceChangesTheContinuation() {
        try (DecodeSession a = new DecodeSession(lm, "abc", 7);
                DecodeSession b = new DecodeSession(lm, "abc", 7)) {
            for (int i = 0; i < 3; i++) {
                a.step(GREEDY);
                b.step(GREEDY);
            }
            int original = b.history().get(2).tokenId();
            int other = original == 'q' ? 'z' : 'q';
            StepRecord forced = b.force(other, GREEDY);
            assertThat(forced.forced()).isTrue();
            assertThat(forced.tokenId()).isEqualTo(other);
            a.step(GREEDY);
            b.step(GREEDY);
            assertThat(b.generatedTokens()[2]).isEqualTo(other);
            assertThat(b.history().get(3).trace().full().rawLogits())
                    .isNotEqualTo(a.history().get(3).trace().full().rawLogits());
        }
    }

    @Test
    void branchTruncatesTextAndCache() {
        try (DecodeSession s = new DecodeSession(lm, "hello", 3)) {
            for (int i = 0; i < 6; i++) {
                s.step(SAMPLE);
            }
            s.branch(2, 'k', SAMPLE);
            assertThat(s.history()).hasSize(3);
            assertThat(s.generatedTokens()).hasSize(3);
            assertThat(s.generatedTokens()[2]).isEqualTo('k');
            assertThat(s.cacheLength()).isEqualTo(s.promptLength() + 3);
            assertThat(s.cacheBytes()).isEqualTo(2L * 2 * s.cacheLength() * 16 * 4);
        }
    }

    @Test
    void redoKeepsTheCoinAndChangesOnlyTheSettings() {
        try (DecodeSession s = new DecodeSession(lm, "hi", 5)) {
            StepRecord first = s.step(SAMPLE);
            StepRecord redone = s.redo(GREEDY);
            assertThat(redone.index()).isEqualTo(0);
            assertThat(redone.trace().coin()).isEqualTo(first.trace().coin());
            assertThat(redone.trace().greedy()).isTrue();
            assertThat(s.history()).hasSize(1);
        }
    }

    @Test
    void historyKeepsFullArraysOnlyOnTheLatestStep() {
        try (DecodeSession s = new DecodeSession(lm, "hi", 5)) {
            s.step(SAMPLE);
            s.step(SAMPLE);
            assertThat(s.history().get(0).trace().full()).isNull();
            assertThat(s.history().get(1).trace().full()).isNotNull();
        }
    }

    @Test
    void longPromptKeepsItsTailAndSaysSo() {
        try (LanguageModel small = TestModels.tiny(16, 2);
                DecodeSession s = new DecodeSession(small, "0123456789abcdefghij", 0)) {
            assertThat(s.droppedPromptTokens()).isEqualTo(12);
            assertThat(s.promptLength()).isEqualTo(8);
            for (int i = 0; i < 8; i++) {
                s.step(GREEDY);
            }
            assertThatThrownBy(() -> s.step(GREEDY))
                    .hasMessageContaining("context of 16 tokens is full");
        }
    }

    @Test
    void backAtThePromptIsRefused() {
        try (DecodeSession s = new DecodeSession(lm, "hi", 5)) {
            assertThatThrownBy(s::back).hasMessageContaining("no step to undo");
        }
    }
}
