package dev.samplinglab.app.capture;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.Launcher;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.ExportFiles;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.BadInputException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

/**
 * Opens the step window, takes N steps, writes a PNG of the whole window. Used by the {@code
 * snapshot} command (README screenshot, checking the UI under Xvfb).
 */
public final class WindowCapture {
    /**
     * What to capture.
     *
     * @param model model spec
     * @param prompt the prompt
     * @param seed coin seed
     * @param steps steps to take
     * @param out PNG file
     * @param width window width
     * @param height window height
     * @param presentation presentation mode
     * @param view tab to capture: step, compare, cache or playground
     * @param beams 0 for sampling, else the step window runs beam search with this many beams
     * @param guesses "" or a guessing round to play after the steps ({@link GuessCapture})
     */
    public record Request(
            String model,
            String prompt,
            long seed,
            int steps,
            Path out,
            int width,
            int height,
            boolean presentation,
            TabId view,
            int beams,
            String guesses) {}

    /** What happened: step latencies and the time to the first usable window. */
    public record Result(
            Path file,
            double stepP50Millis,
            double stepP95Millis,
            int samples,
            long loadMillis,
            double modelP50Millis,
            double fxCpuP95Millis) {}

    private WindowCapture() {}

    public static Result take(Request request) throws Exception {
        startToolkit();
        ExecutorService worker = SamplingLabApp.modelWorker();
        CompletableFuture<Result> done = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    try {
                        open(request, worker, done);
                    } catch (RuntimeException e) {
                        done.completeExceptionally(e);
                    }
                });
        try {
            return done.get(10, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("snapshot timed out", e);
        } finally {
            worker.shutdownNow();
            Platform.exit();
        }
    }

    private static void startToolkit() {
        Launcher.useSoftwareRendererByDefault();
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyRunning) {
            // toolkit already started (tests)
        }
        Platform.setImplicitExit(false);
    }

    private static void open(Request r, ExecutorService worker, CompletableFuture<Result> done) {
        Stage stage = new Stage();
        AppSettings defaults = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings(
                        r.model(),
                        r.prompt(),
                        r.seed(),
                        defaults.strategy(),
                        defaults.topN(),
                        defaults.speed(),
                        r.width(),
                        r.height());
        UserPrompts prompts = new FailingPrompts(done);
        MainWindow window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                SamplingLabApp.modelChoices(),
                                SamplingLabApp.historyJson()),
                        settings);
        stage.setWidth(r.width());
        stage.setHeight(r.height());
        stage.show();
        StepViewModel vm = window.viewModel();
        vm.presentationProperty().set(r.presentation());
        long t0 = System.nanoTime();
        long[] loadMillis = {-1};
        int[] remaining = {r.steps()};
        @SuppressWarnings("unchecked")
        ChangeListener<Number>[] listeners = new ChangeListener[1];
        ChangeListener<Number> next =
                (obs, o, n) -> {
                    if (n.intValue() != 0 || done.isDone()) {
                        return;
                    }
                    if (loadMillis[0] < 0) {
                        loadMillis[0] = (System.nanoTime() - t0) / 1_000_000;
                    }
                    if (remaining[0]-- > 0) {
                        window.view().step();
                    } else if (!r.guesses().isEmpty()) {
                        vm.pendingProperty().removeListener(listeners[0]);
                        GuessCapture.play(
                                window, r.guesses(), () -> capture(window, r, loadMillis[0], done));
                    } else {
                        CaptureSetup.prepare(
                                window,
                                r.view(),
                                r.steps(),
                                () -> capture(window, r, loadMillis[0], done));
                    }
                };
        listeners[0] = next;
        vm.pendingProperty().addListener(next);
        vm.loadModel(r.model());
        if (r.beams() > 0) {
            // queued after the load on the same worker, so the search starts on the loaded model
            window.view().beams().numBeamsProperty().set(r.beams());
            window.view().beams().activeProperty().set(true);
        }
    }

    private static void capture(
            MainWindow window, Request r, long loadMillis, CompletableFuture<Result> done) {
        try {
            WritableImage image = window.scene().snapshot(null);
            ExportFiles.writePng(image, r.out());
            var latency = window.view().latency();
            double[] model =
                    window.viewModel().history().stream()
                            .mapToDouble(s -> s.millis())
                            .sorted()
                            .toArray();
            double modelP50 = model.length == 0 ? Double.NaN : model[model.length / 2];
            done.complete(
                    new Result(
                            r.out(),
                            latency.quantile(0.5),
                            latency.quantile(0.95),
                            latency.samples().size(),
                            loadMillis,
                            modelP50,
                            latency.cpuQuantile(0.95)));
        } catch (Exception e) {
            done.completeExceptionally(e);
        }
    }

    /** Any dialog during a snapshot is an error: the command fails with its message. */
    private record FailingPrompts(CompletableFuture<Result> done) implements UserPrompts {
        @Override
        public void error(String title, String message) {
            done.completeExceptionally(new BadInputException(message));
        }

        @Override
        public boolean confirmOverwrite(Path file) {
            return false;
        }

        @Override
        public Path chooseSaveFile(String title, String extension, String suggestedName) {
            return null;
        }

        @Override
        public Path chooseFolder(String title) {
            return null;
        }
    }
}
