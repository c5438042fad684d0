package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The KV-cache timing chart's y axis ends close above the data (issue 17: "scaled to the data").
 */
class TimingChartScaleTest {

    @ParameterizedTest(name = "{0} ms -> axis to {1}")
    @CsvSource({
        "1100, 1250",
        "1000, 1000",
        "1001, 1250",
        "1260, 1500",
        "2100, 2500",
        "31, 40",
        "7.2, 7.5",
        "0.9, 1.0",
        "0.42, 0.5",
        "8100, 10000"
    })
    void axisMaximumIsTheNextRoundNumber(double data, double axis) {
        double max = TimingChart.niceCeiling(data);
        assertThat(max).isCloseTo(axis, within(1e-9));
        assertThat(max).isLessThanOrEqualTo(data * 4 / 3 + 1e-9);
    }
}
