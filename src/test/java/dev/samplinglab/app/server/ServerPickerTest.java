package dev.samplinglab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import dev.samplinglab.engine.server.ServerFlavour;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Inference server…" in the model picker: the dialog opens, Test connection shows the verdict
 * (asked off the FX thread), and Open loads the server spec through the step window's model loader.
 * The server is a fake probe; the HTTP side is the engine's, tested there.
 */
@ExtendWith(ApplicationExtension.class)
class ServerPickerTest {
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<Boolean> askedOnFx = new CopyOnWriteArrayList<>();
    private ServerModels servers;

    @Start
    void start(Stage stage) {
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
        ServerDialogViewModelTest.FakeProbe probe =
                new ServerDialogViewModelTest.FakeProbe() {
                    @Override
                    public dev.samplinglab.engine.server.ConnectionVerdict test(
                            dev.samplinglab.engine.server.ServerAddress address) {
                        askedOnFx.add(Platform.isFxApplicationThread());
                        return super.test(address);
                    }
                };
        probe.flavour = ServerFlavour.LLAMACPP;
        servers =
                new ServerModels(
                                window.view().controls(),
                                window.viewModel(),
                                probe,
                                r -> new Thread(r, "test-server-probe").start(),
                                Platform::runLater)
                        .attach(stage);
        stage.show();
        window.viewModel().loadModel("random:tiny");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ModelChoice> picker(FxRobot robot) {
        return robot.lookup("#model-picker").queryAs(ComboBox.class);
    }

    @Test
    void pickTestAndOpenAServerModel(FxRobot robot) throws Exception {
        ComboBox<ModelChoice> picker = picker(robot);
        assertThat(picker.getItems())
                .extracting(ModelChoice::label)
                .contains("Inference server…", "Open Hugging Face folder…");
        ModelChoice action =
                picker.getItems().stream()
                        .filter(c -> c.spec().equals(ModelChoice.INFERENCE_SERVER))
                        .findFirst()
                        .orElseThrow();
        robot.interact(() -> picker.setValue(action));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picker.getValue().spec()).isEqualTo("random:tiny");
        assertThat(robot.lookup("#server-url").tryQuery()).isPresent();

        robot.interact(() -> servers.dialogModel().baseUrlProperty().set("http://127.0.0.1:8089"));
        robot.clickOn("#server-test");
        Label status = robot.lookup("#server-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(
                10, TimeUnit.SECONDS, () -> status.getText().equals("OK: top 20"));
        assertThat(askedOnFx).containsExactly(false);

        robot.clickOn("#server-open");
        WaitForAsyncUtils.waitForFxEvents();
        String spec = "server:llamacpp+http://127.0.0.1:8089#gpt2-small.gguf";
        assertThat(opened).endsWith(spec);
        assertThat(picker.getValue().spec()).isEqualTo(spec);
        assertThat(picker.getValue().label()).isEqualTo("Server: gpt2-small.gguf");
        assertThat(robot.lookup("#server-url").tryQuery()).isEmpty();
    }
}
