package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class SamplingOptionsTest {

    @Command(name = "probe")
    static final class Probe {
        @Mixin SamplingOptions sampling;
    }

    private static SamplingOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.sampling;
    }

    @Test
    void noOptionsKeepTheBaseSettings() {
        SamplingSettings base = Preset.GENERAL.settings();
        assertThat(parse().toSettings(base)).isEqualTo(base);
        assertThat(parse().toSettings(SamplingSettings.neutral()).activeStages()).isEmpty();
    }

    @Test
    void givenOptionsOverrideTheBaseOnly() {
        SamplingSettings s =
                parse("--top-p", "0.5", "--penalty-window", "16", "--repetition-penalty", "1.2")
                        .toSettings(Preset.GENERAL.settings());
        assertThat(s.topP()).isEqualTo(0.5);
        assertThat(s.topK()).isEqualTo(45);
        assertThat(s.temperature()).isEqualTo(0.9);
        assertThat(s.penaltyWindow()).isEqualTo(16);
        assertThat(s.repetitionPenalty()).isEqualTo(1.2);
    }

    @Test
    void presetComesFirstThenExplicitOptions() {
        SamplingSettings s =
                parse(
                                "--preset",
                                "creative",
                                "--top-k",
                                "10",
                                "--order",
                                "llama.cpp",
                                "--top-p-rule",
                                "cumsum-le-p",
                                "--min-p",
                                "0.05",
                                "--typical-p",
                                "0.9",
                                "--frequency-penalty",
                                "0.3",
                                "--presence-penalty",
                                "-0.2")
                        .toSettings(SamplingSettings.neutral());
        assertThat(s.temperature()).isEqualTo(1.3);
        assertThat(s.topK()).isEqualTo(10);
        assertThat(s.topP()).isEqualTo(0.95);
        assertThat(s.minP()).isEqualTo(0.05);
        assertThat(s.typicalP()).isEqualTo(0.9);
        assertThat(s.frequencyPenalty()).isEqualTo(0.3);
        assertThat(s.presencePenalty()).isEqualTo(-0.2);
        assertThat(s.order()).isEqualTo(ChainOrder.LLAMA_CPP.stages());
        assertThat(s.topPRule()).isEqualTo(TopPRule.CUMSUM_LE_P);
        assertThat(
                        parse("--preset", "qa", "--greedy")
                                .toSettings(SamplingSettings.neutral())
                                .greedy())
                .isTrue();
    }

    @Test
    void badValuesAreOneLineIllegalArguments() {
        assertThatThrownBy(() -> parse("--preset", "poem").toSettings(SamplingSettings.neutral()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("preset must be one of creative");
        assertThatThrownBy(
                        () ->
                                parse("--typical-p", "0.9", "--order", "vllm")
                                        .toSettings(SamplingSettings.neutral()))
                .hasMessageContaining("typical_p is set but not in the chain order vllm");
    }
}
