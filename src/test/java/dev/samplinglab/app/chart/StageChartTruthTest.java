package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the stage charts draw must not mislead: the coin's connector ends on the picked bar, all
 * charts of a stack share one probability scale unless asked to fit, and the chosen token is never
 * hidden in "rest".
 */
@ExtendWith(ApplicationExtension.class)
class StageChartTruthTest {
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};
    private static final String[] PIECES = {"a", "b", "c", "d", "e"};
    private ChartStack stack;

    @Start
    void start(Stage stage) {
        stack = new ChartStack();
        stage.setScene(new Scene(stack, 900, 700));
        stage.show();
    }

    private static StepTrace run(SamplingSettings s, double coin) {
        return SamplingPipeline.of(s).run(LOGITS, new int[0], coin, i -> PIECES[i], 100);
    }

    private void show(FxRobot robot, StepTrace t, int n) {
        robot.interact(() -> stack.show(t, n));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCoinConnectorEndsOnThePickedBarsCentre(FxRobot robot) {
        // coins chosen so that the picked token is the 1st, 2nd and 3rd bar in display order
        for (double coin : new double[] {0.1, 0.7, 0.9}) {
            StepTrace t = run(SamplingSettings.neutral(), coin);
            show(robot, t, 5);
            StageChart fin = stack.chart("final");
            int chosen = fin.data().chosenIndex();
            assertThat(fin.data().pieces().get(chosen)).isEqualTo(t.chosenPiece());
            assertThat(fin.coinConnectorX())
                    .isCloseTo(fin.barLayout().center(chosen), within(1e-9));
        }
    }

    @Test
    void aGreedyPickHasNoCoinConnector(FxRobot robot) {
        show(robot, run(SamplingSettings.builder().greedy(true).build(), 0.5), 5);
        assertThat(stack.chart("final").coinConnectorX()).isNaN();
    }

    @Test
    void everyChartOfTheStackSharesOneScaleUnlessAskedToFit(FxRobot robot) {
        // T = 2 flattens the distribution: its bars must not look taller than the sharp raw ones
        StepTrace t = run(SamplingSettings.builder().temperature(2.0).topK(3).build(), 0.4);
        show(robot, t, 5);
        List<Double> maxes = stack.charts().stream().map(StageChart::yMax).toList();
        assertThat(maxes).hasSizeGreaterThan(2);
        assertThat(maxes).allSatisfy(m -> assertThat(m).isEqualTo(maxes.get(0)));
        robot.interact(() -> stack.fitEachProperty().set(true));
        List<Double> fitted = stack.charts().stream().map(StageChart::yMax).toList();
        assertThat(fitted).anySatisfy(m -> assertThat(m).isLessThan(maxes.get(0)));
    }

    @Test
    void aChosenTokenBeyondTheShownOnesTakesTheLastSlotNotRest(FxRobot robot) {
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.neutral())
                        .runForced(LOGITS, new int[0], 0.5, i -> PIECES[i], 100, 4);
        show(robot, t, 3);
        ChartData fin = stack.chart("final").data();
        assertThat(fin.pieces()).containsExactly("d", "b", "e");
        assertThat(fin.chosenIndex()).isEqualTo(2);
        // the rest slot holds a and c: softmax 0.0822 + 0.0499
        assertThat(fin.rest()).isCloseTo(0.0822 + 0.0499, within(1e-4));
    }
}
