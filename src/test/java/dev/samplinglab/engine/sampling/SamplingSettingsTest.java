package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplingSettingsTest {

    static Stream<Arguments> badSettings() {
        SamplingSettings n = SamplingSettings.neutral();
        return Stream.of(
                bad(
                        () -> n.toBuilder().temperature(0).build(),
                        "temperature must be > 0 and finite (got 0.0); use greedy for T = 0"),
                bad(
                        () -> n.toBuilder().temperature(-1).build(),
                        "temperature must be > 0 and finite (got -1.0)"),
                bad(
                        () -> n.toBuilder().temperature(Double.NaN).build(),
                        "temperature must be > 0 and finite (got NaN)"),
                bad(
                        () -> n.toBuilder().temperature(Double.POSITIVE_INFINITY).build(),
                        "temperature must be > 0 and finite (got Infinity)"),
                bad(() -> n.toBuilder().topK(-1).build(), "top-k must be >= 0, 0 = off (got -1)"),
                bad(
                        () -> n.toBuilder().topP(0).build(),
                        "top-p must be in (0, 1], 1 = off (got 0.0)"),
                bad(
                        () -> n.toBuilder().topP(1.5).build(),
                        "top-p must be in (0, 1], 1 = off (got 1.5)"),
                bad(
                        () -> n.toBuilder().topP(Double.NaN).build(),
                        "top-p must be in (0, 1], 1 = off (got NaN)"),
                bad(
                        () -> n.toBuilder().minP(-0.1).build(),
                        "min-p must be in [0, 1], 0 = off (got -0.1)"),
                bad(
                        () -> n.toBuilder().typicalP(0).build(),
                        "typical-p must be in (0, 1], 1 = off (got 0.0)"),
                bad(
                        () -> n.toBuilder().repetitionPenalty(0).build(),
                        "repetition penalty must be > 0 and finite, 1 = off (got 0.0)"),
                bad(
                        () -> n.toBuilder().repetitionPenalty(-1.2).build(),
                        "repetition penalty must be > 0 and finite, 1 = off (got -1.2)"),
                bad(
                        () -> n.toBuilder().frequencyPenalty(3).build(),
                        "frequency penalty must be in [-2, 2], 0 = off (got 3.0)"),
                bad(
                        () -> n.toBuilder().presencePenalty(Double.NaN).build(),
                        "presence penalty must be in [-2, 2], 0 = off (got NaN)"),
                bad(
                        () -> n.toBuilder().penaltyWindow(-1).build(),
                        "penalty window must be >= 0, 0 = whole context (got -1)"),
                bad(
                        () -> n.toBuilder().topPRule(null).build(),
                        "top-p rule must be inclusive or cumsum-le-p"),
                bad(
                        () -> n.toBuilder().typicalP(0.9).order(ChainOrder.VLLM).build(),
                        "typical_p is set but not in the chain order vllm; add it to the order or"
                                + " turn it off"),
                bad(
                        () ->
                                n.toBuilder()
                                        .order(List.of(StageKind.TOP_K, StageKind.TOP_K))
                                        .build(),
                        "order lists top_k twice; each stage at most once"));
    }

    private static Arguments bad(Supplier<SamplingSettings> build, String message) {
        return Arguments.of(build, message);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSettings")
    void badValuesGiveOneLineMessages(Supplier<SamplingSettings> build, String message) {
        assertThatThrownBy(build::get)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void withersChangeOneFieldAndKeepTheRest() {
        SamplingSettings a = Preset.GENERAL.settings();
        SamplingSettings b = a.toBuilder().topP(0.5).build();
        assertThat(b.topP()).isEqualTo(0.5);
        assertThat(b.topK()).isEqualTo(45);
        assertThat(b.temperature()).isEqualTo(0.9);
        assertThat(a.topP()).isEqualTo(0.9);
        assertThat(b.toBuilder().build()).isEqualTo(b);
    }

    static Stream<Arguments> presets() {
        return Stream.of(
                Arguments.of("creative", 1.3, 80, 0.95),
                Arguments.of("general", 0.9, 45, 0.9),
                Arguments.of("faithful", 0.6, 35, 0.88),
                Arguments.of("qa", 0.7, 40, 0.9),
                Arguments.of("code", 0.5, 50, 0.95),
                Arguments.of("dialogue", 0.9, 40, 0.9));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("presets")
    void presetsMatchTheTutorialTable(String name, double t, int k, double p) {
        SamplingSettings s = Preset.parse(name).settings();
        assertThat(s.greedy()).isFalse();
        assertThat(s.temperature()).isEqualTo(t);
        assertThat(s.topK()).isEqualTo(k);
        assertThat(s.topP()).isEqualTo(p);
        assertThat(s.activeStages())
                .containsExactly(StageKind.TEMPERATURE, StageKind.TOP_K, StageKind.TOP_P);
    }

    @Test
    void aPresetSetsTheWholeStrategy() {
        SamplingSettings base =
                SamplingSettings.builder()
                        .repetitionPenalty(1.2)
                        .frequencyPenalty(0.5)
                        .presencePenalty(0.3)
                        .penaltyWindow(16)
                        .minP(0.1)
                        .typicalP(0.8)
                        .topPRule(TopPRule.CUMSUM_LE_P)
                        .order(ChainOrder.LLAMA_CPP)
                        .build();
        SamplingSettings s = base.toBuilder().preset(Preset.CODE).build();
        assertThat(s)
                .isEqualTo(Preset.CODE.settings())
                .isEqualTo(SamplingSettings.builder().temperature(0.5).topK(50).topP(0.95).build());
        assertThat(s.repetitionPenalty()).isEqualTo(1);
        assertThat(s.frequencyPenalty()).isZero();
        assertThat(s.presencePenalty()).isZero();
        assertThat(s.penaltyWindow()).isZero();
        assertThat(s.minP()).isZero();
        assertThat(s.typicalP()).isEqualTo(1);
        assertThat(s.topPRule()).isEqualTo(TopPRule.INCLUSIVE);
        assertThat(s.order()).isEqualTo(ChainOrder.HF.stages());
        assertThat(Preset.GREEDY.settings().greedy()).isTrue();
        assertThat(Preset.GREEDY.settings().activeStages()).isEmpty();
        assertThat(Preset.GREEDY.settings()).isEqualTo(SamplingSettings.greedyDecoding());
        assertThatThrownBy(() -> Preset.parse("poetry"))
                .hasMessage(
                        "preset must be one of creative, general, faithful, qa, code, dialogue"
                                + " or greedy (got 'poetry')");
    }

    @Test
    void chainOrdersParsePresetsAndCustomLists() {
        assertThat(ChainOrder.parse("hf")).isEqualTo(ChainOrder.HF.stages());
        assertThat(ChainOrder.parse("llama.cpp")).isEqualTo(ChainOrder.LLAMA_CPP.stages());
        assertThat(ChainOrder.parse("VLLM")).isEqualTo(ChainOrder.VLLM.stages());
        assertThat(ChainOrder.parse("min-p, top_k,temperature"))
                .containsExactly(StageKind.MIN_P, StageKind.TOP_K, StageKind.TEMPERATURE);
        assertThat(ChainOrder.parse("penalties,temperature"))
                .containsExactly(
                        StageKind.REPETITION_PENALTY,
                        StageKind.FREQUENCY_PRESENCE_PENALTY,
                        StageKind.TEMPERATURE);
        assertThat(ChainOrder.describe(ChainOrder.LLAMA_CPP.stages())).isEqualTo("llama.cpp");
        assertThat(ChainOrder.describe(List.of(StageKind.TOP_P, StageKind.TOP_K)))
                .isEqualTo("top_p,top_k");
        assertThatThrownBy(() -> ChainOrder.parse("top_k,nucleus"))
                .hasMessageStartingWith("order must be hf, llama.cpp, vllm or a list of");
        assertThatThrownBy(() -> ChainOrder.parse("top_k,top-k"))
                .hasMessage("order lists top_k twice; each stage at most once");
        assertThat(TopPRule.parse("cumsum_le_p")).isEqualTo(TopPRule.CUMSUM_LE_P);
        assertThatThrownBy(() -> TopPRule.parse("strict"))
                .hasMessage("top-p rule must be inclusive or cumsum-le-p (got 'strict')");
    }

    @Test
    void describeSummarizesTheStrategy() {
        assertThat(Preset.GENERAL.settings().describe())
                .isEqualTo("T=0.9 top-k=45 top-p=0.9 (inclusive) order=hf");
        assertThat(SamplingSettings.greedyDecoding().describe()).isEqualTo("greedy order=hf");
    }
}
