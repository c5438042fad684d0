package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** A forced token (a branch) is not a draw: its figures come from the model, never Infinity. */
class ForcedTokenTest {
    // softmax at T = 1: d 0.6075, b 0.2235, a 0.0822, c 0.0499, e 0.0369 (hand-computed)
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};

    @Test
    void aForcedTokenOutsideTheKeptSetReportsItsModelProbabilityAndFiniteSurprisal() {
        SamplingPipeline p =
                SamplingPipeline.of(SamplingSettings.builder().temperature(0.5).topK(2).build());
        StepTrace t = p.runForced(LOGITS, new int[0], 0.3, i -> "t" + i, 5, 4);
        assertThat(t.forced()).isTrue();
        assertThat(t.chosenOutsideKept()).isTrue();
        assertThat(t.chosenProb()).isZero();
        assertThat(t.chosenRawProb()).isCloseTo(0.0369, within(1e-4));
        // T = 0.5 doubles the logits: e^0.4 / (e^2 + e^4 + e^1 + e^6 + e^0.4) = 1.4918 / 469.63
        assertThat(t.chosenTemperedProb()).isCloseTo(0.0031766, within(1e-6));
        assertThat(t.surprisalBits()).isCloseTo(-Math.log(0.0369) / Math.log(2), within(1e-2));
        assertThat(t.surprisalBits()).isFinite();
    }

    @Test
    void aDrawnTokenKeepsItsSurprisalUnderTheFinalDistribution() {
        SamplingPipeline p = SamplingPipeline.of(SamplingSettings.builder().topK(2).build());
        StepTrace t = p.run(LOGITS, new int[0], 0.1, i -> "t" + i, 5);
        assertThat(t.forced()).isFalse();
        assertThat(t.chosenOutsideKept()).isFalse();
        // top-2 renormalized: d 0.6075 / 0.8310 = 0.7311
        assertThat(t.chosenProb()).isCloseTo(0.7311, within(1e-4));
        assertThat(t.surprisalBits()).isCloseTo(-Math.log(0.7311) / Math.log(2), within(1e-3));
        assertThat(t.entropyTemperedBits()).isCloseTo(t.entropyRawBits(), within(1e-12));
    }
}
