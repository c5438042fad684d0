package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineDataTest {
    private static StepResult step(int index, SamplingSettings s, float[] logits, double coin) {
        var t = SamplingPipeline.of(s).run(logits, new int[0], coin, i -> "t" + i, 10);
        return new StepResult(index, t.chosenId(), t.chosenPiece(), t, false, 1, index + 1);
    }

    @Test
    void seriesFollowTheTraces() {
        // uniform over 4: entropy 2 bits; top-p 0.5 keeps 2 tokens (mass 0.5), each then 0.5
        float[] uniform = {0, 0, 0, 0};
        StepResult a = step(0, SamplingSettings.builder().topP(0.5).build(), uniform, 0.1);
        // no top-p: the nucleus is the whole final support (4), kept mass 1
        StepResult b = step(1, SamplingSettings.neutral(), uniform, 0.9);
        TimelineData d = TimelineData.of(List.of(a, b));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.entropyBits()[0]).isCloseTo(2.0, within(1e-9));
        assertThat(d.nucleus()).containsExactly(2, 4);
        assertThat(d.keptMass()[0]).isCloseTo(0.5, within(1e-9));
        assertThat(d.keptMass()[1]).isCloseTo(1.0, within(1e-9));
        // surprisal: -log2 0.5 = 1 bit after top-p, -log2 0.25 = 2 bits without
        assertThat(d.surprisalBits()[0]).isCloseTo(1.0, within(1e-9));
        assertThat(d.surprisalBits()[1]).isCloseTo(2.0, within(1e-9));
        assertThat(d.series(TimelineData.Series.NUCLEUS)).isSameAs(d.nucleus());
    }
}
