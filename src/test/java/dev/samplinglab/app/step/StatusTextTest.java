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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "server:llamacpp+http://127.0.0.1:8089#g.gguf|g.gguf (llama.cpp server)|127.0.0.1:8089 (llama.cpp server)",
                "server:http://gpu:8000?top_n=100#Qwen/Qwen2.5-7B|Qwen/Qwen2.5-7B (vLLM)|gpu:8000 (vLLM)",
                "server:ollama+http://h:11434#llama3.2:1b|''|h:11434",
            })
    void aServerIsNamedByHostAndApi(String spec, String name, String source) {
        assertThat(StatusText.serverSource(spec, name)).isEqualTo(source);
    }

    @Test
    void aServerStepStartsWithHowManyTokensTheServerSent() {
        float[] logProbs = {(float) Math.log(0.6), (float) Math.log(0.3), Float.NEGATIVE_INFINITY};
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.builder().build())
                        .overTopLogProbs(java.util.Optional.empty())
                        .run(logProbs, new int[0], 0.3, i -> "t" + i, 5);
        dev.samplinglab.app.common.StepResult step =
                new dev.samplinglab.app.common.StepResult(0, t.chosenId(), "t0", t, false, 1, 4);
        assertThat(StatusText.of(step, "h:1 (llama.cpp server)"))
                .isEqualTo("top-2 from h:1 (llama.cpp server) · " + StatusText.of(step));
        // the model's entropy over 2 of its tokens is only a lower bound: say so
        assertThat(StatusText.of(step)).contains("entropy (model, T = 1) ≥ ");
        StepTrace local =
                SamplingPipeline.of(SamplingSettings.builder().build())
                        .run(LOGITS, new int[0], 0.3, i -> "t" + i, 5);
        dev.samplinglab.app.common.StepResult localStep =
                new dev.samplinglab.app.common.StepResult(0, 3, "t3", local, false, 1, 4);
        assertThat(StatusText.of(localStep, "ignored")).isEqualTo(StatusText.of(localStep));
    }
}
