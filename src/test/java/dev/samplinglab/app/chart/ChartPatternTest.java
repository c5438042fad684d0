package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Colour is never the only carrier of meaning: in the drawn pixels a dropped bar is hatched and a
 * kept one solid, and the chosen bar has a dark pointer above it that the others lack.
 */
@ExtendWith(ApplicationExtension.class)
class ChartPatternTest {
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};
    private static final String[] PIECES = {"a", "b", "c", "d", "e"};
    private ChartStack stack;

    @Start
    void start(Stage stage) {
        stack = new ChartStack();
        stage.setScene(new Scene(stack, 900, 700));
        stage.show();
    }

    /** Colours down the centre column of bar {@code i}, from the plot top to its bottom. */
    private List<Color> column(FxRobot robot, StageChart chart, int i) {
        List<Color> out = new ArrayList<>();
        robot.interact(
                () -> {
                    PixelReader px = chart.snapshot(null, null).getPixelReader();
                    int x = (int) Math.round(chart.barLayout().center(i));
                    for (int y = (int) chart.plotTop(); y < (int) chart.plotBottom() - 1; y++) {
                        out.add(px.getColor(x, y));
                    }
                });
        return out;
    }

    private static long near(List<Color> colours, Color c) {
        return colours.stream()
                .filter(
                        p ->
                                Math.abs(p.getRed() - c.getRed()) < 0.02
                                        && Math.abs(p.getGreen() - c.getGreen()) < 0.02
                                        && Math.abs(p.getBlue() - c.getBlue()) < 0.02)
                .count();
    }

    /** Grey pixels clearly darker than the dropped fill: hatch lines (anti-aliased). */
    private static long hatchLike(List<Color> colours, Color fill) {
        return colours.stream()
                .filter(
                        p ->
                                Math.abs(p.getRed() - p.getGreen()) < 0.03
                                        && Math.abs(p.getGreen() - p.getBlue()) < 0.03
                                        && p.getRed() < fill.getRed() - 0.08)
                .count();
    }

    @Test
    void droppedBarsAreHatchedKeptBarsSolidAndTheChosenBarPointedAt(FxRobot robot) {
        // coin 0.1 picks the top token "d"; top-k 2 keeps d and b and drops a, c, e
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.builder().topK(2).build())
                        .run(LOGITS, new int[0], 0.1, i -> PIECES[i], 100);
        robot.interact(() -> stack.show(t, 5));
        WaitForAsyncUtils.waitForFxEvents();
        StageChart topK = stack.chart("top_k");
        ChartTheme theme = ChartTheme.NORMAL;
        List<Color> kept = column(robot, topK, 1);
        List<Color> dropped = column(robot, topK, 2);
        assertThat(near(kept, theme.kept())).isGreaterThan(5);
        assertThat(hatchLike(kept, theme.dropped())).isZero();
        assertThat(near(dropped, theme.dropped())).isGreaterThan(0);
        assertThat(hatchLike(dropped, theme.dropped())).isGreaterThan(3);

        StageChart fin = stack.chart("final");
        assertThat(fin.data().chosenIndex()).isZero();
        assertThat(near(column(robot, fin, 0), theme.text())).isGreaterThan(2);
        assertThat(near(column(robot, fin, 1), theme.text())).isZero();
    }
}
