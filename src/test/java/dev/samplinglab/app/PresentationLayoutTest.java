package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.chart.StageChart;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Presentation mode on a 1280×720 projector: the text and the status line stay on screen and every
 * chart keeps a plot area of at least 120 px with the default chain (four charts).
 */
@ExtendWith(ApplicationExtension.class)
class PresentationLayoutTest {
    private StepViewModel vm;
    private StepView step;
    private LabTabs tabs;
    private Scene scene;

    @Start
    void start(Stage stage) {
        RecordingPrompts prompts = new RecordingPrompts();
        vm =
                new StepViewModel(
                        FakeModel.opener(),
                        Runnable::run,
                        Runnable::run,
                        (period, tick) -> () -> {},
                        Preset.GENERAL.settings());
        vm.promptProperty().set("Once upon a time");
        step = new StepView(vm, prompts, List.of(ModelChoice.of("test:3")), null);
        tabs =
                MainWindow.labTabs(
                        step, LabTestModels.opener(), Runnable::run, Runnable::run, prompts);
        scene = new Scene(tabs, 1280, 720);
        step.attach(scene, tabs::selected);
        scene.getStylesheets().add(getClass().getResource(LabTabs.STYLESHEET).toExternalForm());
        // the test stage is shared across test classes: undo what earlier ones left on it
        stage.setFullScreen(false);
        stage.setMaximized(false);
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        vm.loadModel("test:3");
    }

    @AfterEach
    void stop() {
        tabs.shutdown();
    }

    private void assertInsideTheWindow(Node node) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        assertThat(node.isVisible()).isTrue();
        assertThat(b.getMinY()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxY()).as("%s bottom", node.getId()).isLessThanOrEqualTo(720.5);
        assertThat(b.getMaxX()).as("%s right", node.getId()).isLessThanOrEqualTo(1280.5);
        assertThat(b.getHeight()).isGreaterThan(10);
    }

    @Test
    void atProjectorSizeTheTextAndStatusShowAndEveryPlotIsTall(FxRobot robot) {
        robot.interact(() -> vm.presentationProperty().set(true));
        robot.type(KeyCode.RIGHT, 10);
        assertThat(scene.getHeight()).isEqualTo(720);
        assertThat(scene.getWidth()).isEqualTo(1280);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.history()).hasSize(10);
        List<StageChart> charts = step.charts().charts();
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        for (StageChart c : charts) {
            assertThat(c.plotHeight())
                    .as("plot of %s", c.data().kind())
                    .isGreaterThanOrEqualTo(120);
            assertInsideTheWindow(c);
        }
        assertInsideTheWindow(robot.lookup("#chips").query());
        assertInsideTheWindow(robot.lookup("#status").query());
        assertInsideTheWindow(step.charts().axis());
    }

    @Test
    void leavingPresentationRestoresTheNormalLayout(FxRobot robot) {
        robot.interact(() -> vm.presentationProperty().set(true));
        robot.interact(() -> vm.presentationProperty().set(false));
        robot.type(KeyCode.RIGHT, 2);
        assertThat(step.getTop()).isNotNull();
        assertThat(step.getBottom()).isSameAs(step.strip());
        assertThat(step.getRight()).isNull();
        assertInsideTheWindow(robot.lookup("#status").query());
    }
}
