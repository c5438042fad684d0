package dev.samplinglab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareCsvTest {
    private static List<StepResult> run(SamplingSettings s, String... pieces) {
        List<StepResult> out = new ArrayList<>();
        float[] logits = {2, 1, 0};
        for (int i = 0; i < pieces.length; i++) {
            var t = SamplingPipeline.of(s).run(logits, new int[0], 0.5, id -> pieces[0], 3);
            out.add(new StepResult(i, t.chosenId(), pieces[i], t, false, 1, i + 1));
        }
        return out;
    }

    @Test
    void oneRowPerColumnAndStepWithQuotingAndDivergence() {
        String csv =
                CompareCsv.format(
                        List.of(
                                new CompareCsv.Column(
                                        "greedy",
                                        run(SamplingSettings.greedyDecoding(), "a", "b"),
                                        -1),
                                new CompareCsv.Column(
                                        "T=1, p=0.9",
                                        run(SamplingSettings.neutral(), "x,y", "z"),
                                        1)),
                        true,
                        dev.samplinglab.app.io.ExportMetaTest.META);
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("column,strategy,coins,step,token_id,piece,coin");
        assertThat(lines[1]).startsWith("1,greedy,common,1,0,a,");
        assertThat(lines[3]).startsWith("2,\"T=1, p=0.9\",common,1,").contains(",\"x,y\",");
        // the second column diverged at its second step (index 1): false before, true from it
        assertThat(lines[3]).contains(",false,");
        assertThat(lines[4]).contains(",true,");
        assertThat(lines[0]).endsWith(",model,prompt,seed,exported_at");
        assertThat(lines[1]).endsWith(",bundled,ROMEO:,42,2026-11-29T15:04:05Z");
    }
}
