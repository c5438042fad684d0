package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the real engine (random:tiny, DJL) with model work on a background thread and
 * results posted with Platform.runLater, as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class EngineWindowTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private final EngineModels engine = new EngineModels();
    private MainWindow window;
    private StepViewModel vm;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        AppSettings defaults = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings(
                        "random:tiny", "Hello there", 0, defaults.strategy(), 25, 4, 1300, 860);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                engine,
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                List.of(ModelChoice.of("random:tiny")),
                                SamplingLabApp.historyJson()),
                        settings);
        vm = window.viewModel();
        stage.show();
        vm.loadModel("random:tiny");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown()).get();
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void idle() {
        waitFor(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCompareTabDecodesOnTheStepWindowsModelInstance(FxRobot robot) {
        idle();
        // selecting the tab builds it (on the FX thread)
        robot.interact(() -> window.tabs().show(TabId.COMPARE));
        var compare = window.compare().viewModel();
        robot.interact(compare::step);
        waitFor(() -> compare.stepsProperty().get() == 1 && compare.pendingProperty().get() == 0);
        assertThat(compare.modelNameProperty().get()).isEqualTo("random:tiny");
        // one model, two users (the step window and the compare tab): not a second copy
        assertThat(engine.shared().users("random:tiny")).isEqualTo(2);
        robot.interact(() -> window.tabs().shutdown());
        waitFor(() -> engine.shared().users("random:tiny") == 1);
        assertThat(prompts.errors).isEmpty();
    }

    @Test
    void stepsBackAndBranchOnTheRealSession(FxRobot robot) {
        idle();
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:tiny");
        int prompt = vm.cacheLengthProperty().get();
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
            idle();
        }
        assertThat(window.view().strip().chips()).hasSize(3);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(prompt + 3);
        assertThat(window.view().charts().chart("final").data().pieces()).hasSize(25);
        robot.type(KeyCode.LEFT);
        idle();
        assertThat(window.view().strip().chips()).hasSize(2);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(prompt + 2);
        int alternative = vm.history().get(0).trace().displayIds()[3];
        robot.interact(() -> vm.branch(0, alternative));
        idle();
        assertThat(vm.history()).hasSize(1);
        assertThat(vm.history().get(0).tokenId()).isEqualTo(alternative);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(prompt + 1);
        assertThat(prompts.errors).isEmpty();
    }

    @Test
    void runStepsUntilPausedAndTheUiStaysResponsive(FxRobot robot) {
        idle();
        robot.interact(() -> vm.speedProperty().set(20));
        robot.type(KeyCode.ENTER);
        waitFor(() -> vm.history().size() >= 5);
        robot.type(KeyCode.ENTER);
        idle();
        int steps = vm.history().size();
        assertThat(vm.runningProperty().get()).isFalse();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.history()).hasSize(steps);
        assertThat(window.view().strip().chips()).hasSize(steps);
    }

    @Test
    void aBrokenFolderLeavesTheWorkingModel(FxRobot robot) {
        idle();
        robot.type(KeyCode.RIGHT);
        idle();
        robot.interact(() -> vm.loadModel(dir.resolve("no-such-model").toString()));
        idle();
        assertThat(prompts.errors).singleElement().asString().contains("no-such-model");
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:tiny");
        robot.type(KeyCode.RIGHT);
        idle();
        assertThat(vm.history()).hasSize(2);
    }
}
