package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import javafx.application.Platform;
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
 * Pausing a run, cancelling the cache lab and cancelling a model load take effect on the real
 * engine with the app's real threads: at most the step already under way still arrives, then the
 * model thread is idle and nothing more reaches the window. Checked with latches and awaited
 * conditions, never with the clock (a busy machine must not fail them); how fast a cancel is, is
 * the business of measurements, not of unit tests.
 */
@ExtendWith(ApplicationExtension.class)
class CancelTest {
    /** Generous: only a hang reaches it. */
    static final long AWAIT_SECONDS = 60;

    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private StepViewModel vm;
    private LabTabs tabs;
    private final EngineModels engine = new EngineModels();
    private final CountDownLatch loadStarted = new CountDownLatch(1);
    private final CountDownLatch pressedCancel = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        MainWindow window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                this::open,
                                worker,
                                Platform::runLater,
                                s -> new RecordingPrompts(),
                                List.of(ModelChoice.of("random:tiny")),
                                SamplingLabApp.historyJson()),
                        new AppSettings(
                                "random:tiny",
                                "ROMEO:",
                                0,
                                Preset.GENERAL.settings(),
                                25,
                                20,
                                1100,
                                700));
        vm = window.viewModel();
        tabs = window.tabs();
        // the lab tabs are built on first selection; these tests drive them directly
        tabs.buildAll();
        stage.show();
        vm.loadModel("random:tiny");
    }

    /**
     * The real engine, except that loading GPT-2-small shapes waits at its start until the test has
     * pressed Cancel (or the load is interrupted): so the cancel surely lands inside the load.
     */
    private ModelHandle open(String spec, DoubleConsumer progress) throws Exception {
        return engine.open(
                spec,
                p -> {
                    progress.accept(p);
                    if (spec.equals(CacheLabViewModel.GPT2_SMALL) && loadStarted.getCount() > 0) {
                        loadStarted.countDown();
                        try {
                            pressedCancel.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
    }

    @AfterEach
    void stop() throws Exception {
        fx(
                () -> {
                    tabs.shutdown();
                    vm.shutdown();
                    return null;
                });
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        tabs.awaitTermination(10_000);
    }

    @Test
    void pausingTheStepRunLetsAtMostTheStepUnderWayArrive() throws Exception {
        awaitFx(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
        fx(
                () -> {
                    vm.toggleRun();
                    return null;
                });
        awaitFx(() -> vm.history().size() >= 8);
        int arrived =
                afterPause(() -> vm.history().size(), vm::toggleRun, vm.pendingProperty()::get);
        assertThat(arrived).as("steps that arrived after Pause").isLessThanOrEqualTo(1);
        assertThat(fx(() -> vm.runningProperty().get())).isFalse();
    }

    @Test
    void pausingTheCompareRunLetsAtMostTheStepUnderWayArrive() throws Exception {
        var compare = tabs.tab(TabId.COMPARE, CompareView.class).viewModel();
        awaitFx(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
        fx(
                () -> {
                    tabs.show(TabId.COMPARE);
                    compare.toggleRun();
                    return null;
                });
        awaitFx(() -> compare.stepsProperty().get() >= 8);
        int arrived =
                afterPause(
                        () -> compare.stepsProperty().get(),
                        compare::stopRunning,
                        compare.pendingProperty()::get);
        assertThat(arrived).as("steps that arrived after Pause").isLessThanOrEqualTo(1);
    }

    @Test
    void cancellingTheCacheLabOnTinyStopsTheEngineBeforeTheEnd() throws Exception {
        cacheLabCancel("random:tiny", 256, 40);
    }

    /** GPT-2-small shapes at 512 positions: cancelled inside a long uncached pass. */
    @Test
    @Tag("slow")
    void cancellingTheCacheLabOnGpt2SmallStopsTheEngineBeforeTheEnd() throws Exception {
        cacheLabCancel(CacheLabViewModel.GPT2_SMALL, 512, 250);
    }

    @Test
    void cancellingAModelLoadKeepsTheModelAndFreesTheWorker(FxRobot robot) throws Exception {
        awaitFx(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
        String before = fx(() -> vm.modelNameProperty().get());
        CountDownLatch stopped = new CountDownLatch(1);
        fx(
                () -> {
                    vm.loadingProperty()
                            .addListener(
                                    (o, was, now) -> {
                                        if (!now) {
                                            stopped.countDown();
                                        }
                                    });
                    vm.loadModel(CacheLabViewModel.GPT2_SMALL);
                    return null;
                });
        assertThat(loadStarted.await(AWAIT_SECONDS, TimeUnit.SECONDS)).as("load started").isTrue();
        assertThat(fx(() -> vm.loadingProperty().get())).as("still loading").isTrue();
        fx(
                () -> {
                    robot.lookup("#load-cancel").queryAs(javafx.scene.control.Button.class).fire();
                    return null;
                });
        pressedCancel.countDown();
        assertThat(stopped.await(AWAIT_SECONDS, TimeUnit.SECONDS)).as("load stopped").isTrue();
        assertThat(fx(() -> vm.modelNameProperty().get())).isEqualTo(before);
        assertThat(fx(() -> vm.lastErrorProperty().get())).contains("cancelled");
        fx(
                () -> {
                    vm.step();
                    return null;
                });
        awaitFx(() -> vm.history().size() == 1);
    }

    /**
     * Starts a cache-lab run and cancels it once {@code samples} positions have arrived (the engine
     * is then inside a pass); waits for the engine thread to go idle and checks the run stopped
     * before its end and nothing reaches the window after.
     */
    private void cacheLabCancel(String spec, int positions, int samples) throws Exception {
        CacheLabViewModel cache = tabs.tab(TabId.CACHE, CacheLabView.class).viewModel();
        fx(
                () -> {
                    cache.modelSpecProperty().set(spec);
                    cache.tokensProperty().set(positions);
                    cache.start();
                    return null;
                });
        WaitForAsyncUtils.waitFor(
                600, TimeUnit.SECONDS, () -> fx(() -> cache.samples().size() >= samples));
        var idle =
                fx(
                        () -> {
                            cache.cancel();
                            return cache.idle();
                        });
        assertThat(fx(() -> cache.runningProperty().get())).as("the view stops at once").isFalse();
        idle.get(AWAIT_SECONDS, TimeUnit.SECONDS);
        int shown = fx(() -> cache.samples().size());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> cache.samples().size())).as("nothing after cancel").isEqualTo(shown);
        assertThat(shown).as("stopped before the end").isLessThan(positions);
    }

    /**
     * Issues {@code pause} on the FX thread, waits until no model work is queued and returns how
     * many results arrived after the command; then checks nothing more comes.
     */
    private int afterPause(Callable<Integer> results, Runnable pause, Callable<Integer> pending)
            throws Exception {
        int atPause =
                fx(
                        () -> {
                            pause.run();
                            return results.call();
                        });
        awaitFx(() -> call(pending) == 0);
        int settled = fx(results);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(results)).as("results after the worker went idle").isEqualTo(settled);
        return settled - atPause;
    }

    private static int call(Callable<Integer> c) {
        try {
            return c.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
    }

    private static void awaitFx(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(
                AWAIT_SECONDS, TimeUnit.SECONDS, () -> fx(() -> condition.getAsBoolean()));
    }
}
