package dev.samplinglab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.FakeStepSource;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import org.junit.jupiter.api.Test;

/** The strategy of every step follows the session through step, redo, force, back and truncate. */
class SessionRecorderTest {
    private static final SamplingSettings A = Preset.GENERAL.settings();
    private static final SamplingSettings B = Preset.CREATIVE.settings();
    private static final SamplingSettings C = Preset.GREEDY.settings();

    @Test
    void eachStepKeepsTheStrategyItWasLastDrawnWith() throws Exception {
        ModelHandle model = SessionRecorder.wrap(FakeModel.opener()).open("fake", p -> {});
        StepSource s = model.start("The cat", 1);
        s.step(A);
        s.step(A);
        s.step(B);
        assertThat(SessionRecorder.strategies(s)).containsExactly(A, A, B);
        s.redo(C);
        assertThat(SessionRecorder.strategies(s)).containsExactly(A, A, C);
        s.truncateTo(2);
        s.force(3, B);
        assertThat(SessionRecorder.strategies(s)).containsExactly(A, B);
        assertThat(s.history()).extracting(r -> r.forced()).containsExactly(false, true);
        s.back();
        assertThat(SessionRecorder.strategies(s)).containsExactly(A);
        assertThat(s.history()).hasSize(1);
    }

    @Test
    void aSessionThatWasNotRecordedIsRefused() {
        assertThatThrownBy(() -> SessionRecorder.strategies(new FakeStepSource("x", 0)))
                .isInstanceOf(IllegalStateException.class);
    }
}
