package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.widgets.ChainOrderBox;
import dev.samplinglab.app.widgets.ParamRow;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.TraceJson;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The strategy controls: presets, inline validation, chain order, temperature scale. */
@ExtendWith(ApplicationExtension.class)
class ControlsTest {
    private MainWindow window;
    private StepViewModel vm;

    @Start
    void start(Stage stage) {
        AppSettings settings =
                new AppSettings(
                        "random:tiny", "The cat", 0, Preset.GENERAL.settings(), 12, 4, 1200, 760);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                FakeModel.opener(),
                                Runnable::run,
                                Runnable::run,
                                s -> new RecordingPrompts(),
                                List.of(ModelChoice.of("random:tiny")),
                                new HistoryJson(TraceJson::toJson)),
                        settings);
        vm = window.viewModel();
        stage.show();
        vm.loadModel("random:tiny");
    }

    @Test
    void aPresetSetsTheControls(FxRobot robot) {
        robot.interact(
                () -> {
                    @SuppressWarnings("unchecked")
                    ComboBox<Preset> presets = robot.lookup("#preset").queryAs(ComboBox.class);
                    presets.setValue(Preset.FAITHFUL);
                });
        assertThat(robot.lookup("#temperature-field").queryAs(TextField.class).getText())
                .isEqualTo("0.60");
        assertThat(robot.lookup("#top-k-field").queryAs(TextField.class).getText()).isEqualTo("35");
        assertThat(vm.strategy().settings().topP()).isEqualTo(0.88);
    }

    @Test
    void invalidTextShowsAnInlineMessageAndKeepsTheLastValidValue(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        TextField field = robot.lookup("#temperature-field").queryAs(TextField.class);
        Label error = robot.lookup("#temperature").queryAs(ParamRow.class).errorLabel();
        robot.interact(
                () -> {
                    field.setText("7");
                    field.fireEvent(new javafx.event.ActionEvent());
                });
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).contains("between 0.05 and 3.00").contains("kept 0.90");
        assertThat(vm.strategy().temperatureProperty().get()).isEqualTo(0.9);
        robot.interact(
                () -> {
                    field.setText("abc");
                    field.fireEvent(new javafx.event.ActionEvent());
                });
        assertThat(error.getText()).contains("not a number");
        robot.interact(
                () -> {
                    field.setText("1.25");
                    field.fireEvent(new javafx.event.ActionEvent());
                });
        assertThat(error.isVisible()).isFalse();
        assertThat(vm.strategy().temperatureProperty().get()).isEqualTo(1.25);
        assertThat(vm.shownProperty().get().trace().stages().get(0).params())
                .containsEntry("temperature", 1.25);
    }

    @Test
    void draggingAStageMakesACustomOrderAndPresetsRestoreIt(FxRobot robot) {
        robot.interact(
                () ->
                        robot.lookup("#order-pane")
                                .queryAs(javafx.scene.control.TitledPane.class)
                                .setExpanded(true));
        ChainOrderBox box = robot.lookup("#chain-order").queryAs(ChainOrderBox.class);
        robot.interact(() -> box.move(StageKind.TEMPERATURE, 6));
        List<StageKind> order = vm.strategy().orderProperty().get();
        assertThat(order.get(order.size() - 1)).isEqualTo(StageKind.TEMPERATURE);
        assertThat(box.preset().getValue()).startsWith("custom");
        robot.interact(() -> box.preset().setValue("vLLM"));
        assertThat(vm.strategy().orderProperty().get()).isEqualTo(ChainOrder.VLLM.stages());
        assertThat(box.list().getItems()).hasSize(StageKind.values().length);
    }

    @Test
    void theWindowsStateIsWhatTheSettingsFileRemembers(FxRobot robot) throws Exception {
        robot.interact(
                () -> {
                    vm.strategy().topKProperty().set(7);
                    vm.promptProperty().set("Once upon");
                    vm.seedProperty().set(9);
                });
        AppSettings remembered = window.settings("bundled");
        assertThat(remembered.model()).isEqualTo("random:tiny");
        assertThat(remembered.prompt()).isEqualTo("Once upon");
        assertThat(remembered.seed()).isEqualTo(9);
        assertThat(remembered.strategy().topK()).isEqualTo(7);
        assertThat(remembered.width()).isEqualTo(1200);
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("settings");
        dev.samplinglab.app.io.SettingsStore store = new dev.samplinglab.app.io.SettingsStore(dir);
        store.save(remembered);
        assertThat(store.load()).isEqualTo(remembered);
    }

    @Test
    void theTemperatureSliderHasFineStepsNearOne() {
        double nearOne = Scales.xToTemperature(0.1) - Scales.xToTemperature(0);
        double nearTop = Scales.xToTemperature(1) - Scales.xToTemperature(0.9);
        assertThat(nearOne).isLessThan(0.01);
        assertThat(nearTop).isGreaterThan(0.5);
        assertThat(Scales.xToTemperature(-1))
                .isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Scales.xToTemperature(1)).isEqualTo(3.0);
        assertThat(Scales.xToTemperature(Scales.temperatureToX(0.7)))
                .isCloseTo(0.7, org.assertj.core.api.Assertions.within(1e-9));
    }
}
