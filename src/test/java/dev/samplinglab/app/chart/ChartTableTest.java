package dev.samplinglab.app.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The "Table" view of a chart stack shows exactly the charts' data: the same tokens in the same
 * order, the same probabilities as the trace, kept or dropped per stage, and the chosen token.
 */
@ExtendWith(ApplicationExtension.class)
class ChartTableTest {
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, 0.2f};
    private static final String[] PIECES = {"a", "b", "c", "d", "e"};
    private ChartStack stack;

    @Start
    void start(Stage stage) {
        stack = new ChartStack();
        stage.setScene(new Scene(stack, 900, 700));
        stage.show();
    }

    private static StepTrace run(double coin) {
        SamplingSettings s = SamplingSettings.builder().temperature(0.7).topK(3).topP(0.9).build();
        return SamplingPipeline.of(s).run(LOGITS, new int[0], coin, i -> PIECES[i], 100);
    }

    /** The text of every cell of the table, row by row. */
    private static List<List<String>> cells(ChartTableView view) {
        return view.getItems().stream()
                .map(
                        row ->
                                view.getColumns().stream()
                                        .map(c -> text(c, view.getItems().indexOf(row)))
                                        .toList())
                .toList();
    }

    private static String text(TableColumn<StageTable.Row, ?> column, int row) {
        return String.valueOf(column.getCellData(row));
    }

    private static String f(double p) {
        return String.format(Locale.ROOT, "%.4f", p);
    }

    @Test
    void theTableHasTheChartsTokensProbabilitiesKeptFlagsAndChoice(FxRobot robot) {
        StepTrace t = run(0.7);
        robot.interact(() -> stack.show(t, 5));
        robot.interact(() -> stack.tableShownProperty().set(true));
        ChartTableView view = stack.table();
        assertThat(stack.getChildren()).contains(view).doesNotContain(stack.axis());
        List<String> headers = view.getColumns().stream().map(TableColumn::getText).toList();
        assertThat(headers)
                .containsExactly(
                        "Token",
                        "Raw distribution p",
                        "After temperature p",
                        "Top-k p",
                        "Top-k: kept",
                        "Nucleus (top-p) p",
                        "Nucleus (top-p): kept",
                        "Final distribution p",
                        "Final distribution: kept",
                        "Chosen");
        List<List<String>> cells = cells(view);
        List<ChartData> charts = stack.charts().stream().map(StageChart::data).toList();
        assertThat(cells).hasSize(6); // five tokens and the rest
        for (int i = 0; i < 5; i++) {
            List<String> row = cells.get(i);
            Candidate raw = t.raw().candidates().get(i);
            Candidate fin = t.finalDist().candidates().get(i);
            assertThat(row.get(0)).isEqualTo(raw.piece()).isEqualTo(charts.get(0).pieces().get(i));
            assertThat(row.get(1)).isEqualTo(f(raw.prob()));
            assertThat(row.get(2)).isEqualTo(f(t.stages().get(0).candidates().get(i).prob()));
            assertThat(row.get(3)).isEqualTo(f(charts.get(1).values()[i]));
            assertThat(row.get(4)).isEqualTo(charts.get(1).kept()[i] ? "kept" : "dropped");
            assertThat(row.get(5)).isEqualTo(f(charts.get(2).values()[i]));
            assertThat(row.get(6)).isEqualTo(charts.get(2).kept()[i] ? "kept" : "dropped");
            assertThat(row.get(7)).isEqualTo(f(fin.prob()));
            assertThat(row.get(8)).isEqualTo(fin.kept() ? "kept" : "dropped");
            assertThat(row.get(9)).isEqualTo(fin.id() == t.chosenId() ? "chosen" : "");
        }
        // top-k 3 keeps d, b, a and drops c and e
        assertThat(cells.stream().limit(5).map(r -> r.get(4)))
                .containsExactly("kept", "kept", "kept", "dropped", "dropped");
        assertThat(cells.stream().filter(r -> r.get(9).equals("chosen"))).hasSize(1);
        assertThat(cells.get(5).get(0)).isEqualTo("rest of the vocabulary");
        assertThat(cells.get(5).get(1)).isEqualTo(f(charts.get(0).rest()));
    }

    @Test
    void theTableFollowsANewStepAndTheChartsComeBack(FxRobot robot) {
        robot.interact(() -> stack.show(run(0.1), 5));
        robot.interact(() -> stack.tableShownProperty().set(true));
        StepTrace second = run(0.95);
        robot.interact(() -> stack.show(second, 5));
        StageTable table = stack.table().table();
        int chosen = stack.chart("final").data().chosenIndex();
        assertThat(table.rows().get(chosen).chosen()).isTrue();
        assertThat(table.rows().get(chosen).token()).isEqualTo(second.chosenPiece());
        assertThat(stack.getChildren()).containsOnlyOnce(stack.table());
        robot.interact(() -> stack.tableShownProperty().set(false));
        assertThat(stack.getChildren()).doesNotContain(stack.table()).contains(stack.axis());
        assertThat(stack.getChildren()).containsAll(stack.charts());
    }
}
