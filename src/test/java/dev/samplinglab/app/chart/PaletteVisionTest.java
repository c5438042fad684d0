package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.app.chart.ColorVision.Deficiency;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart colours that carry a meaning (kept, dropped, chosen, coin, rest, CDF segment) stay at
 * least {@link ColorVision#MIN_DELTA_E} apart (CIE76) under the Machado et al. (2009) simulation of
 * protanopia, deuteranopia and tritanopia, in both themes.
 */
class PaletteVisionTest {

    static Stream<Arguments> themesAndDeficiencies() {
        List<Arguments> out = new ArrayList<>();
        for (ChartTheme theme : List.of(ChartTheme.NORMAL, ChartTheme.PRESENTATION)) {
            for (Deficiency d : Deficiency.values()) {
                out.add(
                        Arguments.of(
                                theme == ChartTheme.NORMAL ? "normal" : "projector", theme, d));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} theme, {2}")
    @MethodSource("themesAndDeficiencies")
    void everyPairOfMeaningsStaysApart(String name, ChartTheme theme, Deficiency d) {
        List<Map.Entry<String, Color>> colours = List.copyOf(theme.meanings().entrySet());
        for (int i = 0; i < colours.size(); i++) {
            for (int j = i + 1; j < colours.size(); j++) {
                double de =
                        ColorVision.deltaE(colours.get(i).getValue(), colours.get(j).getValue(), d);
                assertThat(de)
                        .as("%s vs %s", colours.get(i).getKey(), colours.get(j).getKey())
                        .isGreaterThanOrEqualTo(ColorVision.MIN_DELTA_E);
            }
        }
    }

    static Stream<Arguments> knownValues() {
        // CIELAB of sRGB primaries (D65), and dichromat views from the Machado matrices by hand
        return Stream.of(
                Arguments.of(Color.WHITE, new double[] {100, 0, 0}),
                Arguments.of(Color.BLACK, new double[] {0, 0, 0}),
                Arguments.of(Color.rgb(255, 0, 0), new double[] {53.24, 80.09, 67.20}),
                Arguments.of(Color.rgb(0, 0, 255), new double[] {32.30, 79.19, -107.86}));
    }

    @ParameterizedTest
    @MethodSource("knownValues")
    void labMatchesPublishedValues(Color c, double[] lab) {
        double[] got = ColorVision.lab(c);
        for (int k = 0; k < 3; k++) {
            assertThat(got[k]).isCloseTo(lab[k], within(0.05));
        }
    }

    @Test
    void theSimulationKeepsGreysAndMergesRedAndGreenForDeuteranopes() {
        Color grey = Color.web("#808080");
        assertThat(ColorVision.deltaE(grey, grey, Deficiency.DEUTERANOPIA)).isZero();
        assertThat(ColorVision.simulate(grey, Deficiency.DEUTERANOPIA).getRed())
                .isCloseTo(grey.getRed(), within(0.01));
        Color red = Color.web("#cc3333");
        Color green = Color.web("#669933");
        double seen = ColorVision.deltaE(red, green, Deficiency.NONE);
        double deut = ColorVision.deltaE(red, green, Deficiency.DEUTERANOPIA);
        assertThat(deut).isLessThan(seen / 3);
    }
}
