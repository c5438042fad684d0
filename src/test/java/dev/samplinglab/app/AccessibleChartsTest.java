package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.beam.BeamTreeView;
import dev.samplinglab.app.chart.CanvasChart;
import dev.samplinglab.app.chart.ChartData;
import dev.samplinglab.app.chart.ChartStack;
import dev.samplinglab.app.chart.ChartSummary;
import dev.samplinglab.app.chart.ChartTableView;
import dev.samplinglab.app.chart.StageChart;
import dev.samplinglab.app.chart.StageTable;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every chart node of every tab (stage charts, token axes, compare columns, playground, cache lab,
 * beam tree, timeline) carries an accessible role and a non-empty text that follows its data.
 */
@ExtendWith(ApplicationExtension.class)
class AccessibleChartsTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private StepViewModel main;
    private StepView step;
    private LabTabs tabs;

    @Start
    void start(Stage stage) {
        main =
                new StepViewModel(
                        FakeModel.opener(),
                        Runnable::run,
                        Runnable::run,
                        (period, tick) -> () -> {},
                        Preset.GENERAL.settings());
        main.promptProperty().set("Once upon");
        step = new StepView(main, prompts, List.of(ModelChoice.of("test:3")), null);
        tabs =
                MainWindow.labTabs(
                        step, LabTestModels.opener(), Runnable::run, Runnable::run, prompts);
        tabs.buildAll();
        Scene scene = new Scene(tabs, 1260, 780);
        step.attach(scene, tabs::selected);
        stage.setScene(scene);
        stage.show();
        main.loadModel("test:3");
    }

    @AfterEach
    void stop() {
        tabs.shutdown();
    }

    /** Chart nodes under {@code root}: canvas charts and the beam tree. */
    private static List<Node> charts(Node root) {
        List<Node> out = new ArrayList<>();
        if (root instanceof CanvasChart || root instanceof BeamTreeView) {
            out.add(root);
        }
        if (root instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> out.addAll(charts(c)));
        }
        return out;
    }

    private static void assertDescribed(List<Node> nodes) {
        assertThat(nodes).isNotEmpty();
        for (Node n : nodes) {
            assertThat(n.getAccessibleRole()).as(n.toString()).isEqualTo(AccessibleRole.IMAGE_VIEW);
            assertThat(n.getAccessibleText()).as(n.toString()).isNotBlank();
        }
    }

    @Test
    void everyChartOfEveryTabHasAnAccessibleTextAfterAStep(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.type(KeyCode.RIGHT);
        robot.interact(() -> tabs.show(TabId.STEP));
        List<Node> all = new ArrayList<>();
        for (TabId id : TabId.values()) {
            all.addAll(charts(tabs.tab(id).node()));
        }
        all.add(step.beamView().tree()); // its text after steps: BeamViewModelTest
        assertDescribed(all);
        assertThat(all).filteredOn(n -> n instanceof StageChart).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all).filteredOn(n -> n instanceof BeamTreeView).hasSize(1);
        assertThat(robot.lookup("#c0-final-chart").queryAs(StageChart.class).getAccessibleText())
                .startsWith("Final: ");
    }

    @Test
    void theStepChartsSayTheShownStepAndFollowItsData(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        List<String> first = texts();
        robot.type(KeyCode.RIGHT);
        List<String> second = texts();
        assertThat(second)
                .isEqualTo(ChartSummary.of(main.shownProperty().get().trace()))
                .isNotEqualTo(first);
        assertThat(second.get(0)).startsWith("Raw distribution, T 1: top tokens ");
        assertThat(second).anyMatch(t -> t.startsWith("Nucleus, p "));
        assertThat(second.get(second.size() - 1)).startsWith("Final: drew '");
        assertThat(step.timeline().getAccessibleText()).startsWith("Timeline of 2 steps; step 2:");
    }

    @Test
    void theTableTogglesFromTheKeyboardAndItsArrowsWalkTheTable(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        ChartStack charts = step.charts();
        robot.type(KeyCode.T);
        assertThat(charts.tableShownProperty().get()).isTrue();
        assertThat(charts.getScene().getFocusOwner()).isSameAs(charts.table());
        robot.type(KeyCode.DOWN, 2);
        robot.type(KeyCode.RIGHT);
        assertThat(main.history()).hasSize(2); // the arrows walked the table
        assertThat(charts.table().getSelectionModel().getSelectedCells()).hasSize(1);
        assertThat(charts.table().getSelectionModel().getSelectedCells().get(0).getRow())
                .isEqualTo(2);
        robot.type(KeyCode.T);
        assertThat(charts.tableShownProperty().get()).isFalse();
        robot.type(KeyCode.RIGHT);
        assertThat(main.history()).hasSize(3);
        ToggleButton toggle = robot.lookup("#table-toggle").queryAs(ToggleButton.class);
        assertThat(toggle.isFocusTraversable()).isTrue();
        robot.interact(toggle::requestFocus); // as Tab reaches it
        robot.type(KeyCode.SPACE);
        assertThat(charts.tableShownProperty().get()).isTrue();
        assertThat(toggle.isSelected()).isTrue();
    }

    @Test
    void aCompareColumnShowsItsFinalDistributionAsATable(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.type(KeyCode.RIGHT, 2);
        ChartData fin = robot.lookup("#c1-final-chart").queryAs(StageChart.class).data();
        robot.clickOn("#c1-table-toggle");
        ChartTableView table = robot.lookup("#c1-table").queryAs(ChartTableView.class);
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getItems()).hasSize(fin.size() + 1);
        for (int i = 0; i < fin.size(); i++) {
            StageTable.Row row = table.getItems().get(i);
            assertThat(row.token()).isEqualTo(fin.pieces().get(i));
            assertThat(row.probs()[0]).isEqualTo(fin.values()[i]);
            assertThat(row.kept()[0]).isEqualTo(fin.kept()[i]);
            assertThat(row.chosen()).isEqualTo(i == fin.chosenIndex());
        }
        assertThat(robot.lookup("#c1-final-chart").tryQuery()).isEmpty();
    }

    @Test
    void theToolbarSlidersAreReachedWithTabAndOwnTheirArrows(FxRobot robot) {
        Slider topN = robot.lookup("#top-n").queryAs(Slider.class);
        assertThat(topN.isFocusTraversable()).isTrue();
        double before = topN.getValue();
        robot.interact(topN::requestFocus);
        robot.type(KeyCode.RIGHT);
        assertThat(topN.getValue()).isGreaterThan(before);
        assertThat(main.history()).isEmpty();
    }

    private List<String> texts() {
        return step.charts().charts().stream().map(StageChart::getAccessibleText).toList();
    }
}
