package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step window, the compare tab and the cache lab on random:smollm2-135m (Llama family, 30
 * layers, 9 query / 3 kv heads) through the real engine: nothing in the app asks which family it
 * runs. Slow: drawing 135M random weights and decoding them takes seconds.
 */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class LlamaWindowTest {
    static final String SMOLLM2 = "random:smollm2-135m";

    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private final EngineModels engine = new EngineModels();
    private MainWindow window;
    private StepViewModel vm;

    @Start
    void start(Stage stage) {
        AppSettings defaults = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings(SMOLLM2, "Hello", 0, defaults.strategy(), 25, 4, 1300, 860);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                engine,
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                List.of(ModelChoice.of(SMOLLM2)),
                                SamplingLabApp.historyJson()),
                        settings);
        vm = window.viewModel();
        stage.show();
        vm.loadModel(SMOLLM2);
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
            WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void stepCompareAndCacheLabRunOnALlamaModel(FxRobot robot) {
        idle();
        assertThat(vm.modelNameProperty().get()).isEqualTo(SMOLLM2);
        assertThat(vm.modelDetailProperty().get())
                .startsWith("llama · 135M · 30 layers")
                .contains("9 heads / 3 kv");
        assertThat(robot.lookup("#model-detail").queryAs(Label.class).getText())
                .contains("llama · 135M");
        int prompt = vm.cacheLengthProperty().get();
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
            idle();
        }
        assertThat(window.view().strip().chips()).hasSize(3);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(prompt + 3);
        robot.type(KeyCode.LEFT);
        idle();
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(prompt + 2);

        robot.interact(() -> window.tabs().show(TabId.COMPARE));
        var compare = window.compare().viewModel();
        robot.interact(compare::step);
        waitFor(() -> compare.stepsProperty().get() == 1 && compare.pendingProperty().get() == 0);
        assertThat(compare.modelNameProperty().get()).isEqualTo(SMOLLM2);
        assertThat(engine.shared().users(SMOLLM2)).isEqualTo(2);

        robot.interact(() -> window.tabs().show(TabId.CACHE));
        CacheLabViewModel cache = window.tabs().tab(TabId.CACHE, CacheLabView.class).viewModel();
        robot.interact(() -> cache.modelSpecProperty().set(SMOLLM2));
        robot.interact(() -> cache.tokensProperty().set(24));
        robot.interact(cache::start);
        waitFor(() -> !cache.runningProperty().get() && cache.cacheLengthProperty().get() == 24);
        assertThat(cache.samples()).hasSize(24 - cache.promptLengthProperty().get());
        assertThat(cache.maxDiffProperty().get()).isLessThanOrEqualTo(1e-4);
        // GQA: only the 3 kv heads of 64 dims are stored, not the 9 query heads
        assertThat(cache.formula())
                .isEqualTo(
                        "2 · layers · positions · kv_heads · head_dim · 4 = 2 · 30 · 24 · 3 · 64 · 4"
                                + " = 1,105,920 bytes");
        assertThat(prompts.errors).isEmpty();
    }
}
