package dev.samplinglab.app;

import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.hub.HubModels;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.lesson.LessonArgs;
import dev.samplinglab.app.server.ServerModels;
import dev.samplinglab.app.server.ServerProbe;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.JvmDefaults;
import dev.samplinglab.engine.generate.BundledModels;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.RepoId;
import dev.samplinglab.engine.sampling.TraceJson;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The Sampling Lab desktop app: the step window on the remembered (or bundled) model. */
public final class SamplingLabApp extends Application {
    private final ExecutorService worker = modelWorker();
    private final ExecutorService exports = DaemonThreads.single("export-writer");
    private final ExecutorService hub = DaemonThreads.single("hub-cache");
    private final ExecutorService servers = DaemonThreads.single("server-probe");
    private final SettingsStore store = SettingsStore.inUserConfig();
    private MainWindow window;

    /** One daemon thread for all model work, so the FX thread never waits on the model. */
    public static ExecutorService modelWorker() {
        return DaemonThreads.single("model-worker");
    }

    /** The picker's models: the bundled ones and the two random-weight shapes. */
    public static List<ModelChoice> modelChoices() {
        List<ModelChoice> choices = new ArrayList<>();
        for (String name : BundledModels.names()) {
            choices.add(
                    name.equals(BundledModels.DEFAULT)
                            ? ModelChoice.of("bundled")
                            : new ModelChoice("Bundled: " + name, "bundled:" + name));
        }
        choices.add(ModelChoice.header("Random weights (speed and cache tests)"));
        for (String spec : List.of("random:tiny", "random:gpt2-small")) {
            choices.add(
                    new ModelChoice(
                            ModelChoice.of(spec).label(),
                            spec,
                            RANDOM_DETAIL,
                            true,
                            ModelChoice.Kind.MODEL));
        }
        return choices;
    }

    /** What the random-weight models are for, under their names in the picker. */
    static final String RANDOM_DETAIL =
            "untrained: for timing and the KV-cache lab; its text is gibberish and stray"
                    + " bytes show as chips such as <0x93>";

    /** History JSON with each trace in the engine's trace format. */
    public static HistoryJson historyJson() {
        return new HistoryJson(TraceJson::toJson);
    }

    @Override
    public void start(Stage stage) {
        JvmDefaults.apply();
        AppSettings settings = store.load();
        window =
                MainWindow.build(
                        stage,
                        MainWindow.Parts.of(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                modelChoices(),
                                historyJson()),
                        settings);
        window.view().exporter().writeInBackground(exports, Platform::runLater);
        HubModels hubModels =
                new HubModels(
                                window.view().controls(),
                                window.viewModel(),
                                HubEnvironment.system(),
                                hub,
                                Platform::runLater)
                        .attach(stage);
        window.lessons()
                .setOnGetModel(
                        spec -> {
                            var download = hubModels.showDialog(stage).viewModel();
                            // a repository id (ORG/NAME[@REV]) is filled in, ready to download
                            String repo = spec.replaceFirst("@.*$", "");
                            if (repo.contains("/") && RepoId.isValid(repo)) {
                                download.repoProperty().set(repo);
                            }
                        });
        new ServerModels(
                        window.view().controls(),
                        window.viewModel(),
                        ServerProbe.ENGINE,
                        servers,
                        Platform::runLater)
                .attach(stage);
        reportStartWhenReady();
        // the model loads on the worker while the window is shown
        window.viewModel().loadModel(settings.model(), "random:tiny");
        stage.show();
        // checked by the Launcher before the window opened
        LessonArgs.lesson(getParameters().getRaw()).ifPresent(window.lessons()::open);
        if (Boolean.getBoolean("samplinglab.timing")) {
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            Platform.runLater(
                    () ->
                            System.err.printf(
                                    "window shown: %d ms after JVM start%n",
                                    System.currentTimeMillis() - jvmStart));
        }
    }

    /** Prints "start to interactive" once the first model is loaded (with -Dsamplinglab.timing). */
    private void reportStartWhenReady() {
        if (!Boolean.getBoolean("samplinglab.timing")) {
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        window.viewModel()
                .loadingProperty()
                .addListener(
                        (obs, was, now) -> {
                            if (was && !now) {
                                System.err.printf(
                                        "start to interactive (model ready): %d ms after JVM start%n",
                                        System.currentTimeMillis() - jvmStart);
                            }
                        });
    }

    @Override
    public void stop() {
        if (window != null) {
            try {
                store.save(window.settings("bundled"));
            } catch (IOException e) {
                System.err.println("could not save settings: " + e.getMessage());
            }
            window.tabs().shutdown();
            window.viewModel().shutdown();
        }
        worker.shutdown();
        exports.shutdown();
        hub.shutdownNow();
        servers.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
            exports.awaitTermination(2, TimeUnit.SECONDS);
            if (window != null) {
                window.tabs().awaitTermination(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
