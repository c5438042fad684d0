package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.playground.PlaygroundView;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StatusText;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every status figure names its distribution the same way in the step window and the playground,
 * with the formulas in a tooltip; compare's metrics carry theirs; a compare column's summary
 * follows every field of its strategy.
 */
@ExtendWith(ApplicationExtension.class)
class GlossaryTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private StepViewModel main;
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
        StepView step = new StepView(main, prompts, List.of(ModelChoice.of("test:3")), null);
        tabs =
                MainWindow.labTabs(
                        step, LabTestModels.opener(), Runnable::run, Runnable::run, prompts);
        tabs.buildAll();
        Scene scene = new Scene(tabs, 1260, 780);
        step.attach(scene, tabs::selected);
        scene.getStylesheets().add(getClass().getResource(LabTabs.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        main.loadModel("test:3");
    }

    @AfterEach
    void stop() {
        tabs.shutdown();
    }

    @Test
    void theStepStatusLineNamesEachDistributionAndItsTooltipGivesTheFormulas(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        Label status = robot.lookup("#status").queryAs(Label.class);
        assertThat(status.getText())
                .contains("entropy (model, T = 1)")
                .contains("after T")
                .contains("final")
                .contains("kept mass (model)");
        assertThat(status.getTooltip().getText())
                .isEqualTo(StatusText.GLOSSARY)
                .contains("H = −Σ_i p_i · log2 p_i")
                .contains("surprisal = −log2 p(chosen)")
                .contains("softmax(z / T)");
    }

    @Test
    void thePlaygroundStatusLineUsesTheSameNamesAndTooltip(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.PLAYGROUND));
        Label status = tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).status();
        assertThat(status.getText())
                .contains("entropy (logits, T = 1)")
                .contains("after T")
                .contains("final")
                .contains("kept mass (logits)")
                .doesNotContain("model");
        assertThat(status.getTooltip().getText()).isEqualTo(StatusText.GLOSSARY);
        assertThat(status.isVisible()).isTrue();
    }

    @Test
    void everyCompareMetricHasItsFormulaInATooltip(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.clickOn("#cmp-step");
        List<Label> names =
                robot.lookup("#c0-metrics .metric-name").queryAllAs(Label.class).stream().toList();
        assertThat(names).hasSize(6);
        assertThat(names)
                .allSatisfy(n -> assertThat(n.getTooltip().getText()).matches(".*[=/Σ].*"));
        assertThat(names.get(2).getText()).isEqualTo("mean entropy, final (bits)");
        Node value = robot.lookup("#column-0-metric-2").query();
        assertThat(((Label) value).getTooltip().getText()).contains("−Σ_i p_i · log2 p_i");
    }

    @Test
    void theColumnSummaryFollowsAnyFieldOfItsStrategyWithoutAStep(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        var form =
                tabs.tab(TabId.COMPARE, CompareView.class).viewModel().columns().get(1).strategy();
        Label summary = robot.lookup("#c1-summary").queryAs(Label.class);
        robot.interact(() -> form.temperatureProperty().set(0.37));
        assertThat(summary.getText()).contains("T=0.37");
        robot.interact(() -> form.minPProperty().set(0.12));
        assertThat(summary.getText()).contains("min-p=0.12");
        robot.interact(() -> form.presencePenaltyProperty().set(0.5));
        assertThat(summary.getText()).contains("presence=0.5");
        robot.interact(() -> form.applyPreset(Preset.GREEDY));
        assertThat(summary.getText()).startsWith("greedy");
    }
}
