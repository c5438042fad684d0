package dev.samplinglab.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.hub.FakeHub;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.HubFixtures;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
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
 * "Get a model…" against the loopback hub: progress shows, Cancel stops at once, a finished model
 * opens.
 */
@ExtendWith(ApplicationExtension.class)
class GetModelDialogTest {
    private static final String REPO = "test-org/tiny-gpt2";

    @TempDir Path cache;
    private FakeHub hub;
    private String commit;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final ExecutorService background =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "test-hub");
                        t.setDaemon(true);
                        return t;
                    });
    private HubModels models;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        hub = new FakeHub();
        commit = hub.add(REPO, HubFixtures.gpt2Repo(100_000));
        AppSettings settings =
                new AppSettings(
                        "random:tiny", "The cat", 0, Preset.GENERAL.settings(), 12, 4, 1200, 800);
        MainWindow window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                (spec, progress) -> {
                                    opened.add(spec);
                                    return FakeModel.opener().open(spec, progress);
                                },
                                Runnable::run,
                                Runnable::run,
                                s -> new RecordingPrompts(),
                                List.of(ModelChoice.of("random:tiny")),
                                new HistoryJson(TraceJson::toJson)),
                        settings);
        HubEnvironment env =
                HubEnvironment.of(
                        Map.of("HF_HUB_CACHE", cache.toString(), "HF_ENDPOINT", hub.endpoint()),
                        cache.resolve("home"));
        models =
                new HubModels(
                                window.view().controls(),
                                window.viewModel(),
                                env,
                                background,
                                Platform::runLater)
                        .attach(stage);
        stage.show();
        window.viewModel().loadModel("random:tiny");
    }

    @AfterEach
    void stop() {
        hub.close();
        background.shutdownNow();
    }

    private GetModelDialog open(FxRobot robot) {
        GetModelDialog[] d = new GetModelDialog[1];
        robot.interact(() -> d[0] = models.showDialog(stage));
        return d[0];
    }

    private String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void theCuratedListNamesSizesAndUses(FxRobot robot) {
        open(robot);
        @SuppressWarnings("unchecked")
        ListView<dev.samplinglab.engine.hub.CuratedModel> list =
                robot.lookup("#curated-models").queryAs(ListView.class);

        assertThat(list.getItems())
                .extracting(m -> m.repo().id())
                .contains(
                        "openai-community/gpt2",
                        "HuggingFaceTB/SmolLM2-135M",
                        "Qwen/Qwen3-0.6B",
                        "meta-llama/Llama-3.2-1B");
        robot.interact(() -> list.getSelectionModel().select(0));
        assertThat(robot.lookup("#repo-id").queryTextInputControl().getText())
                .isEqualTo("openai-community/gpt2");
    }

    @Test
    void progressShowsAndCancelStopsAtOnce(FxRobot robot) throws Exception {
        hub.stallAfter = 3L * FakeHub.CHUNK;
        open(robot);
        robot.interact(() -> robot.lookup("#repo-id").queryTextInputControl().setText(REPO));
        robot.clickOn("#download-start");

        assertThat(hub.stalled.await(20, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () ->
                        robot.lookup("#download-progress").queryAs(ProgressBar.class).getProgress()
                                > 0);
        assertThat(text(robot, "#download-line")).contains(" of ").contains("/s").contains("left");
        @SuppressWarnings("unchecked")
        ListView<dev.samplinglab.engine.hub.DownloadProgress.FileProgress> files =
                robot.lookup("#download-files").queryAs(ListView.class);
        assertThat(files.getItems())
                .extracting(f -> f.name())
                .contains("config.json", "model.safetensors");

        robot.interact(() -> robot.lookup("#download-cancel").queryButton().fire());
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> text(robot, "#download-status").startsWith("Cancelled"));
        assertThat(robot.lookup("#download-start").query().isDisabled()).isFalse();
        assertThat(opened).doesNotContain(REPO);
        assertThat(cache.resolve("models--test-org--tiny-gpt2/snapshots/" + commit)).doesNotExist();
    }

    @Test
    void aFinishedDownloadOpensInTheStepWindowAndJoinsThePicker(FxRobot robot) throws Exception {
        GetModelDialog dialog = open(robot);
        robot.interact(() -> robot.lookup("#repo-id").queryTextInputControl().setText(REPO));
        robot.clickOn("#download-start");

        assertThat(commit).hasSize(40);
        String snapshot = REPO;
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> opened.contains(snapshot));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(
                    "opened %s; dialog showing %s".formatted(opened, dialog.stage().isShowing()),
                    e);
        }
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () ->
                        robot.lookup("#model-picker").queryComboBox().getItems().stream()
                                .anyMatch(c -> ((ModelChoice) c).spec().equals(snapshot)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog.stage().isShowing()).isFalse();
    }

    @Test
    void errorsShowAsOneLine(FxRobot robot) throws Exception {
        hub.gatedToken = "secret";
        open(robot);
        robot.interact(() -> robot.lookup("#repo-id").queryTextInputControl().setText(REPO));
        robot.clickOn("#download-start");

        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> !text(robot, "#download-error").isEmpty());
        assertThat(text(robot, "#download-error"))
                .isEqualTo(
                        "test-org/tiny-gpt2 is gated or private (HTTP 401): accept the licence on the model page, then set HF_TOKEN");
    }
}
