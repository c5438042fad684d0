package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A seeded monkey on the real window over the real engine (random:tiny, the bundled model, a tiny
 * model folder and a broken one): random steps, backs, runs, resets, slider drags, typed values,
 * presets, branches, tab switches and model reloads. No exception may escape to any thread, the FX
 * thread may not go more than 100 ms without a pulse, and the window must still match the session
 * at the end. {@code -Dsession.actions=2000} runs the full size (default 300); {@code
 * -Dstall.limit.ms} changes the stall limit.
 */
@ExtendWith(ApplicationExtension.class)
class RandomSessionTest {
    static final int ACTIONS = Integer.getInteger("session.actions", 300);
    static final long SEED = Long.getLong("session.seed", 20261126L);
    static final double STALL_LIMIT_MS =
            Double.parseDouble(System.getProperty("stall.limit.ms", "100"));

    /** Errors the user may legitimately see during a random session. */
    static final Pattern EXPECTED_ERRORS =
            Pattern.compile(
                    "(?s).*(model\\.safetensors|the context of|no step to undo|No model is"
                            + " loaded|prompt).*");

    @TempDir Path dir;
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private final ExecutorService exports = DaemonThreads.single("export-writer");
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final Queue<String> uncaught = new ConcurrentLinkedQueue<>();
    private Thread.UncaughtExceptionHandler previousDefault;
    private StepViewModel vm;
    private dev.samplinglab.app.LabTabs tabs;
    private Monkey monkey;

    @Start
    void start(Stage stage) throws Exception {
        previousDefault = Thread.getDefaultUncaughtExceptionHandler();
        Thread.UncaughtExceptionHandler record =
                (t, e) -> {
                    uncaught.add(t.getName() + ": " + e);
                    e.printStackTrace();
                };
        Thread.setDefaultUncaughtExceptionHandler(record);
        Thread.currentThread().setUncaughtExceptionHandler(record);
        Path valid = ModelFolders.valid(dir.resolve("valid"));
        Path broken = ModelFolders.broken(dir.resolve("broken"));
        List<ModelChoice> models =
                new java.util.ArrayList<>(
                        List.of(ModelChoice.of("random:tiny"), ModelChoice.of(valid.toString())));
        if (java.nio.file.Files.isRegularFile(
                dev.samplinglab.engine.generate.BundledModels.defaultModelDir()
                        .resolve("model.safetensors"))) {
            models.add(ModelChoice.of("bundled"));
        }
        AppSettings settings =
                new AppSettings(
                        "random:tiny", "The cat", 0, Preset.GENERAL.settings(), 25, 8, 1200, 760);
        MainWindow window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                models,
                                SamplingLabApp.historyJson()),
                        settings);
        window.view().exporter().writeInBackground(exports, Platform::runLater);
        vm = window.viewModel();
        tabs = window.tabs();
        // the lab tabs are built on first selection; build them so the monkey can reach them all
        tabs.buildAll();
        monkey = new Monkey(window, stage, prompts, broken, dir);
        stage.show();
        vm.loadModel("random:tiny");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(tabs::shutdown));
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(vm::shutdown));
        worker.shutdown();
        exports.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
        exports.awaitTermination(10, TimeUnit.SECONDS);
        Thread.setDefaultUncaughtExceptionHandler(previousDefault);
    }

    @Test
    void randomActionsNeverThrowStallOrDesynchronize() throws Exception {
        awaitIdle();
        assertThat(vm.modelNameProperty().get()).isNotEmpty();
        Random rng = new Random(SEED);
        FxStallMonitor stalls = FxStallMonitor.start();
        Map<String, Integer> counts = new TreeMap<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < ACTIONS; i++) {
            String name = monkey.act(rng, i, stalls);
            counts.merge(name, 1, Integer::sum);
            if (i % 20 == 19) {
                awaitIdle();
            }
            assertThat(uncaught).as("uncaught after action %d (%s)", i, name).isEmpty();
        }
        fx(
                () -> {
                    vm.stopRunning();
                    tabs.tab(TabId.COMPARE, CompareView.class).viewModel().stopRunning();
                    tabs.tab(TabId.CACHE, CacheLabView.class).viewModel().cancel();
                });
        awaitIdle();
        stalls.stop();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(
                "random session: %d actions in %.1f s (seed %d); %s%nactions: %s%nerrors shown: %s%n",
                ACTIONS, seconds, SEED, stalls.summary(), counts, distinct(prompts.errors));
        assertThat(uncaught).isEmpty();
        assertThat(prompts.errors).allMatch(e -> EXPECTED_ERRORS.matcher(e).matches());
        assertWindowMatchesSession();
        assertStillSteps();
        assertThat(stalls.worstBusyMillis())
                .as(stalls.summary())
                .isLessThanOrEqualTo(STALL_LIMIT_MS);
        if (Boolean.getBoolean("stall.wall")) {
            assertThat(stalls.worstMillis())
                    .as(stalls.summary())
                    .isLessThanOrEqualTo(STALL_LIMIT_MS);
        }
    }

    private void assertWindowMatchesSession() throws Exception {
        Integer chips = WaitForAsyncUtils.asyncFx(() -> monkey.chipCount()).get();
        Integer steps = WaitForAsyncUtils.asyncFx(() -> vm.history().size()).get();
        assertThat(chips).isEqualTo(steps);
        assertThat(vm.modelSpecProperty().get()).doesNotContain("broken");
    }

    private void assertStillSteps() throws Exception {
        // plain mode: the random models have no chat template, so chat mode refuses to start
        fx(() -> vm.chatModeProperty().set(false));
        fx(vm::reset);
        awaitIdle();
        fx(
                () -> {
                    vm.strategy().applyPreset(dev.samplinglab.engine.sampling.Preset.GENERAL);
                    vm.step();
                });
        awaitIdle();
        assertThat(WaitForAsyncUtils.asyncFx(() -> vm.history().size()).get()).isEqualTo(1);
    }

    private static List<String> distinct(List<String> errors) {
        List<String> out = new ArrayList<>();
        for (String e : errors) {
            String first = e.lines().findFirst().orElse("");
            if (!out.contains(first)) {
                out.add(first);
            }
        }
        return out;
    }

    static void fx(Runnable r) {
        WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(r));
    }

    /** Waits until no model work is queued or running (fails after 30 s: a hang). */
    void awaitIdle() throws TimeoutException {
        awaitMainIdle();
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () ->
                        WaitForAsyncUtils.asyncFx(
                                        () ->
                                                !tabs.tab(TabId.COMPARE, CompareView.class)
                                                        .viewModel()
                                                        .busyBinding()
                                                        .get())
                                .get());
    }

    private void awaitMainIdle() throws TimeoutException {
        WaitForAsyncUtils.waitFor(
                30,
                TimeUnit.SECONDS,
                () ->
                        WaitForAsyncUtils.asyncFx(
                                        () ->
                                                vm.pendingProperty().get() == 0
                                                        && !vm.loadingProperty().get())
                                .get());
    }
}
