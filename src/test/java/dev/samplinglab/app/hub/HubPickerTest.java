package dev.samplinglab.app.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.HubFixtures;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The model picker's "On this computer" section over a fixture cache named by HF_HUB_CACHE (an
 * injected environment, never the developer's cache): found off the FX thread, unsupported models
 * greyed with the reason, a cached model opens when picked.
 */
@ExtendWith(ApplicationExtension.class)
class HubPickerTest {
    @TempDir Path cache;
    private Path gpt2Snapshot;
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<Boolean> scannedOnFx = new CopyOnWriteArrayList<>();
    private MainWindow window;
    private HubModels hub;

    @Start
    void start(Stage stage) {
        gpt2Snapshot =
                HubFixtures.writeSnapshot(
                        cache,
                        "openai-community/gpt2",
                        "a".repeat(40),
                        HubFixtures.model("gpt2", 1000),
                        true);
        HubFixtures.writeSnapshot(
                cache, "google-t5/t5-small", "b".repeat(40), HubFixtures.model("t5", 10), false);
        AppSettings settings =
                new AppSettings(
                        "random:tiny", "The cat", 0, Preset.GENERAL.settings(), 12, 4, 1200, 800);
        window =
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
        Executor background =
                r ->
                        new Thread(
                                        () -> {
                                            scannedOnFx.add(Platform.isFxApplicationThread());
                                            r.run();
                                        },
                                        "test-hub")
                                .start();
        HubEnvironment env =
                HubEnvironment.of(Map.of("HF_HUB_CACHE", cache.toString()), cache.resolve("home"));
        hub =
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

    @SuppressWarnings("unchecked")
    private ComboBox<ModelChoice> picker(FxRobot robot) {
        return robot.lookup("#model-picker").queryAs(ComboBox.class);
    }

    private void awaitCached(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () ->
                        picker(robot).getItems().stream()
                                .anyMatch(c -> c.kind() == ModelChoice.Kind.CACHED));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void cachedModelsAppearUnderOnThisComputerWithFactsAndReasons(FxRobot robot) throws Exception {
        awaitCached(robot);

        List<ModelChoice> items = picker(robot).getItems();
        assertThat(items)
                .extracting(ModelChoice::label)
                .containsExactly(
                        "random:tiny (random weights)",
                        "On this computer",
                        "google-t5/t5-small",
                        "openai-community/gpt2",
                        "Get a model…",
                        "Open Hugging Face folder…");
        ModelChoice gpt2 = items.get(3);
        assertThat(gpt2.enabled()).isTrue();
        assertThat(gpt2.detail()).startsWith("gpt2 · 1k params · F32 · ");
        assertThat(gpt2.spec()).isEqualTo("openai-community/gpt2");
        assertThat(gpt2Snapshot).isDirectory();
        ModelChoice t5 = items.get(2);
        assertThat(t5.enabled()).isFalse();
        assertThat(t5.detail()).startsWith("model_type t5 is not a decoder this app runs");
        assertThat(scannedOnFx).containsOnly(false);
    }

    @Test
    void pickingACachedModelOpensItAndAGreyedOneDoesNot(FxRobot robot) throws Exception {
        awaitCached(robot);
        ComboBox<ModelChoice> picker = picker(robot);
        ModelChoice t5 = picker.getItems().get(2);
        ModelChoice gpt2 = picker.getItems().get(3);

        robot.interact(() -> picker.setValue(t5));
        assertThat(opened).doesNotContain(t5.spec());
        assertThat(picker.getValue().spec()).isEqualTo("random:tiny");

        robot.interact(() -> picker.setValue(gpt2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(opened).contains("openai-community/gpt2");
    }

    @Test
    void theDropDownShowsTheReasonAndDisablesTheRow(FxRobot robot) throws Exception {
        awaitCached(robot);
        robot.interact(() -> picker(robot).show());
        WaitForAsyncUtils.waitForFxEvents();

        var greyed = robot.lookup(".model-unavailable").queryAll();
        assertThat(greyed).hasSize(1);
        assertThat(greyed.iterator().next().isDisabled()).isTrue();
        assertThat(robot.lookup(".model-header").queryAll()).hasSize(1);
        assertThat(robot.lookup(".model-detail").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().startsWith("model_type t5 is not a decoder"));
        robot.interact(() -> picker(robot).hide());
    }

    @Test
    void getAModelOpensTheDownloadDialog(FxRobot robot) throws Exception {
        awaitCached(robot);
        ComboBox<ModelChoice> picker = picker(robot);
        ModelChoice get =
                picker.getItems().stream()
                        .filter(c -> c.spec().equals(ModelChoice.GET_MODEL))
                        .findFirst()
                        .orElseThrow();

        robot.interact(() -> picker.setValue(get));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#curated-models").tryQuery()).isPresent();
        assertThat(picker.getValue().spec()).isEqualTo("random:tiny");
        robot.interact(() -> hub.showDialog(null).close());
    }
}
