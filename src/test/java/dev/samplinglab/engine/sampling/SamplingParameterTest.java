package dev.samplinglab.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.BadInputException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SamplingParameterTest {

    static Stream<Arguments> eachParameterSetsItsField() {
        return Stream.of(
                Arguments.of(
                        SamplingParameter.TEMPERATURE,
                        "--temperature",
                        "0.7",
                        (Function<SamplingSettings, Object>) SamplingSettings::temperature,
                        0.7),
                Arguments.of(
                        SamplingParameter.TOP_K,
                        "--top-k",
                        "5",
                        (Function<SamplingSettings, Object>) SamplingSettings::topK,
                        5),
                Arguments.of(
                        SamplingParameter.TOP_P_RULE,
                        "--top-p-rule",
                        "cumsum-le-p",
                        (Function<SamplingSettings, Object>) SamplingSettings::topPRule,
                        TopPRule.CUMSUM_LE_P),
                Arguments.of(
                        SamplingParameter.PENALTY_WINDOW,
                        "--penalty-window",
                        " 16 ",
                        (Function<SamplingSettings, Object>) SamplingSettings::penaltyWindow,
                        16),
                Arguments.of(
                        SamplingParameter.GREEDY,
                        "--greedy",
                        "true",
                        (Function<SamplingSettings, Object>) SamplingSettings::greedy,
                        true),
                Arguments.of(
                        SamplingParameter.PRESET,
                        "--preset",
                        "general",
                        (Function<SamplingSettings, Object>) SamplingSettings::topK,
                        45));
    }

    @ParameterizedTest
    @MethodSource
    void eachParameterSetsItsField(
            SamplingParameter parameter,
            String option,
            String text,
            Function<SamplingSettings, Object> field,
            Object expected) {
        SamplingSettings.Builder builder = SamplingSettings.builder();
        parameter.apply(builder, text);
        assertThat(parameter.option()).isEqualTo(option);
        assertThat(field.apply(builder.build())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dev.samplinglab.engine.sampling.SamplingParameterTest#notNumbers")
    void aNumberThatIsNotOneIsBadInputNamingTheOption(SamplingParameter parameter, String text) {
        assertThatThrownBy(() -> parameter.apply(SamplingSettings.builder(), text))
                .isInstanceOf(BadInputException.class)
                .hasMessage("%s must be a number (got '%s')".formatted(parameter.option(), text));
    }

    static Stream<Arguments> notNumbers() {
        return Stream.of(
                Arguments.of(SamplingParameter.TOP_P, "high"),
                Arguments.of(SamplingParameter.TOP_K, "2.5"),
                Arguments.of(SamplingParameter.MIN_P, ""));
    }

    @ParameterizedTest
    @MethodSource("dev.samplinglab.engine.sampling.SamplingParameterTest#outOfRange")
    void rangesAreCheckedOnceWhenTheSettingsAreBuilt(SamplingParameter parameter, String text) {
        SamplingSettings.Builder builder = SamplingSettings.builder();
        parameter.apply(builder, text);
        assertThatThrownBy(builder::build).isInstanceOf(BadInputException.class);
    }

    static Stream<Arguments> outOfRange() {
        return Stream.of(
                Arguments.of(SamplingParameter.TEMPERATURE, "0"),
                Arguments.of(SamplingParameter.TOP_P, "1.5"),
                Arguments.of(SamplingParameter.PRESENCE_PENALTY, "3"));
    }
}
