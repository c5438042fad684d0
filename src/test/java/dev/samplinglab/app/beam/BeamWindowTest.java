package dev.samplinglab.app.beam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.generate.beam.Fate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Point2D;
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
 * The beam view in the step window on the bundled model: switched on with the checkbox, stepped
 * with the keyboard (→ six times with 3 beams, ← once and → again), the tree, the finished list,
 * the greedy lane, hovering and the status line's cache memory.
 */
@ExtendWith(ApplicationExtension.class)
class BeamWindowTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private MainWindow window;
    private StepViewModel vm;
    private BeamViewModel beams;

    @Start
    void start(Stage stage) {
        AppSettings defaults = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings("bundled", "ROMEO:", 0, defaults.strategy(), 25, 4, 1200, 760);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                List.of(ModelChoice.of("bundled")),
                                SamplingLabApp.historyJson()),
                        settings);
        vm = window.viewModel();
        beams = window.view().beams();
        stage.show();
        vm.loadModel("bundled");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown()).get();
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void idle() {
        waitFor(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
    }

    @Test
    void sixKeyboardStepsWithThreeBeamsDrawTheTree(FxRobot robot) {
        idle();
        robot.clickOn("#beam-mode");
        idle();
        assertThat(window.view().getCenter()).isSameAs(window.view().beamView());
        assertThat(beams.numBeamsProperty().get()).isEqualTo(3);
        robot.clickOn("#beam-tree");
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.RIGHT);
            idle();
        }
        BeamSnapshot snap = beams.snapshotProperty().get();
        assertThat(snap.stepCount()).isEqualTo(6);
        BeamTreeLayout layout = window.view().beamView().tree().treeLayout();
        // the prompt, then 2 x 3 candidates per step, three of them kept (or finished)
        assertThat(layout.columns()).isEqualTo(7);
        assertThat(layout.nodes()).hasSize(1 + 6 * 6);
        for (int column = 1; column <= 6; column++) {
            int c = column;
            long kept =
                    layout.nodes().stream()
                            .filter(n -> n.column() == c && n.candidate().slot() >= 0)
                            .count();
            assertThat(kept).as("column %d", c).isEqualTo(3);
        }
        assertThat(layout.nodes().stream().filter(BeamTreeLayout.Node::onBest)).hasSize(7);
        assertThat(layout.nodes().stream().filter(n -> n.fate() == Fate.PRUNED)).isNotEmpty();
        assertThat(snap.greedyTokens()).hasSize(6);
        assertThat(window.view().beamView().status().getText())
                .contains("step 6")
                .contains("KV cache 3 beams ×")
                .contains("KB");
        assertThat(window.view().beamView().contrast().getText()).contains("greedy: log p");

        // hovering the best node of the last column shows its full text, prompt included
        BeamTreeLayout.Node last =
                layout.nodes().stream()
                        .filter(n -> n.column() == 6 && n.onBest())
                        .findFirst()
                        .orElseThrow();
        double[] centre = window.view().beamView().tree().centreOf(last);
        Point2D screen = window.view().beamView().tree().localToScreen(centre[0], centre[1]);
        robot.moveTo(screen);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.view().beamView().tree().hoverText())
                .startsWith("ROMEO:")
                .contains("step 6");

        robot.type(KeyCode.LEFT);
        idle();
        assertThat(beams.snapshotProperty().get().stepCount()).isEqualTo(5);
        assertThat(beams.snapshotProperty().get().greedyTokens()).hasSize(5);
        robot.type(KeyCode.RIGHT);
        idle();
        BeamSnapshot again = beams.snapshotProperty().get();
        assertThat(again.stepCount()).isEqualTo(6);
        assertThat(again.last().beams().get(0).tokens())
                .containsExactly(snap.last().beams().get(0).tokens());
        assertThat(prompts.errors).isEmpty();
    }

    @Test
    void changingTheLengthPenaltyReplaysToTheSameStepAndSamplingComesBack(FxRobot robot) {
        idle();
        robot.clickOn("#beam-mode");
        idle();
        for (int i = 0; i < 4; i++) {
            robot.interact(beams::step);
        }
        idle();
        robot.interact(() -> beams.lengthPenaltyProperty().set(-0.5));
        idle();
        BeamSnapshot snap = beams.snapshotProperty().get();
        assertThat(snap.stepCount()).isEqualTo(4);
        assertThat(snap.settings().lengthPenalty()).isEqualTo(-0.5);
        robot.clickOn("#beam-mode");
        idle();
        assertThat(window.view().getCenter()).isNotSameAs(window.view().beamView());
        robot.type(KeyCode.RIGHT);
        idle();
        assertThat(vm.history()).hasSize(1);
        assertThat(prompts.errors).isEmpty();
    }
}
