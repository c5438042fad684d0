package dev.samplinglab.app;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.common.TabId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Runs the real app through {@link Launcher#main} (in a subprocess started by {@link
 * ShutdownTest}), waits for the model, starts work ("run": auto-stepping; "cache": the cache lab;
 * "both") and closes the window as a user would while the work is going on. Prints "closing at" and
 * exits through the app's own shutdown; a hang or native crash is what the test looks for.
 */
public final class ShutdownProbe {
    private ShutdownProbe() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "run";
        Thread driver = new Thread(() -> drive(mode), "probe-driver");
        driver.setDaemon(true);
        driver.start();
        Launcher.main(new String[0]);
        System.out.println("launch returned at " + System.nanoTime());
    }

    private static void drive(String mode) {
        try {
            Stage stage = awaitStage();
            awaitTitle(stage);
            onFx(
                    () -> {
                        LabTabs tabs = (LabTabs) stage.getScene().lookup("#tabs");
                        if (!mode.equals("run")) {
                            tabs.tab(
                                    TabId.CACHE,
                                    CacheLabView
                                            .class); // built on first use; "run" leaves the labs
                            // unbuilt
                        }
                        if (!mode.equals("cache")) {
                            Event.fireEvent(
                                    stage.getScene().getRoot(),
                                    new KeyEvent(
                                            KeyEvent.KEY_PRESSED,
                                            "",
                                            "",
                                            KeyCode.ENTER,
                                            false,
                                            false,
                                            false,
                                            false));
                        }
                        if (mode.equals("gpt2")) {
                            @SuppressWarnings("unchecked")
                            var model =
                                    (javafx.scene.control.ComboBox<String>)
                                            stage.getScene().lookup("#cl-model");
                            model.getSelectionModel().selectLast();
                        }
                        if (!mode.equals("run")) {
                            tabs.tab(TabId.CACHE, CacheLabView.class)
                                    .viewModel()
                                    .tokensProperty()
                                    .set(256);
                            tabs.tab(TabId.CACHE, CacheLabView.class).viewModel().start();
                        }
                    });
            awaitWork(stage, mode);
            Thread.sleep(500);
            System.out.println(
                    onFx(
                            () -> {
                                LabTabs tabs = (LabTabs) stage.getScene().lookup("#tabs");
                                var run =
                                        (javafx.scene.control.Button)
                                                stage.getScene().lookup("#run-button");
                                return "at close: step button="
                                        + run.getText()
                                        + " cache-lab status="
                                        + tabs.tab(TabId.CACHE, CacheLabView.class)
                                                .viewModel()
                                                .statusProperty()
                                                .get();
                            }));
            System.out.println("closing at " + System.nanoTime());
            onFx(
                    () -> {
                        stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
                        stage.close();
                    });
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(3);
        }
    }

    /** Waits until the cache lab has opened its model and is decoding. */
    private static void awaitWork(Stage stage, String mode) throws Exception {
        if (mode.equals("run")) {
            return;
        }
        for (int i = 0; i < 1200; i++) {
            String status =
                    onFx(
                            () ->
                                    ((LabTabs) stage.getScene().lookup("#tabs"))
                                            .tab(TabId.CACHE, CacheLabView.class)
                                            .viewModel()
                                            .statusProperty()
                                            .get());
            if (status.startsWith("Running")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the cache lab did not start in 60 s");
    }

    private static Stage awaitStage() throws Exception {
        for (int i = 0; i < 600; i++) {
            try {
                Stage s =
                        onFx(
                                () ->
                                        Window.getWindows().stream()
                                                .filter(w -> w instanceof Stage && w.isShowing())
                                                .map(w -> (Stage) w)
                                                .findFirst()
                                                .orElse(null));
                if (s != null) {
                    return s;
                }
            } catch (IllegalStateException notStarted) {
                // the toolkit is not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no window after 30 s");
    }

    /** The title names the model once it is loaded. */
    private static void awaitTitle(Stage stage) throws Exception {
        for (int i = 0; i < 600; i++) {
            String title = onFx(stage::getTitle);
            if (title != null && !title.endsWith("· ")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no model after 30 s");
    }

    private static void onFx(Runnable r) throws Exception {
        onFx(
                () -> {
                    r.run();
                    return null;
                });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(
                () -> {
                    try {
                        f.complete(c.call());
                    } catch (Exception e) {
                        f.completeExceptionally(e);
                    }
                });
        return f.get(30, TimeUnit.SECONDS);
    }
}
