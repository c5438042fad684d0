package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import org.junit.jupiter.api.Test;

/** The status line names the distribution of every figure and never prints Infinity or -0.00. */
class StatusTextTest {
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};

    @Test
    void aForcedTokenOutsideTheKeptSetIsLabelledAsSuch() {
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.builder().topP(0.5).build())
                        .runForced(LOGITS, new int[0], 0.3, i -> "t" + i, 5, 4);
        String s = StatusText.chosen(t);
        assertThat(s).contains("outside the kept set").contains("p under the model 0.037");
        assertThat(s).doesNotContain("Infinity").doesNotContain("-0.00");
        assertThat(StatusText.nucleus(t)).isEqualTo("nucleus 1 token");
    }

    @Test
    void tokensAreCountedInTheRightNumber() {
        assertThat(StatusText.tokens(1)).isEqualTo("1 token");
        assertThat(StatusText.tokens(0)).isEqualTo("0 tokens");
        assertThat(StatusText.tokens(14)).isEqualTo("14 tokens");
    }

    @Test
    void smallProbabilitiesKeepTheirDigits() {
        assertThat(StatusText.prob(0.00031)).isEqualTo("3.1e-04");
        assertThat(StatusText.prob(0.25)).isEqualTo("0.250");
        assertThat(StatusText.clean(-0.0)).isEqualTo(0.0);
    }
}
