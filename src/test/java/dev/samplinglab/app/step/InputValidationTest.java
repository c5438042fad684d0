package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.widgets.ParamRow;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every typed input of every tab refuses invalid text with an inline message and keeps the last
 * valid value: all numeric parameter rows (temperature, top-k, top-p, min-p, typical-p, penalties,
 * window, in the step, compare and playground tabs), the seed, and the cache lab's positions (the
 * "max tokens" of the app). Valid text clears the message and is taken.
 */
@ExtendWith(ApplicationExtension.class)
class InputValidationTest {
    static final List<String> INVALID =
            List.of("abc", "", "  ", "NaN", "Infinity", "-Infinity", "1e9", "-1e9", "0x10", "½");
    private MainWindow window;
    private StepViewModel vm;

    @Start
    void start(Stage stage) {
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                FakeModel.opener(),
                                Runnable::run,
                                Runnable::run,
                                s -> new RecordingPrompts(),
                                List.of(ModelChoice.of("random:tiny")),
                                SamplingLabApp.historyJson()),
                        new AppSettings(
                                "random:tiny",
                                "The cat",
                                7,
                                Preset.GENERAL.settings(),
                                12,
                                4,
                                1100,
                                700));
        vm = window.viewModel();
        // the lab tabs are built on first selection; this test walks the rows of every tab
        window.tabs().buildAll();
        stage.show();
        vm.loadModel("random:tiny");
    }

    @Test
    void everyParameterRowOfEveryTabRefusesInvalidTextAndKeepsItsValue(FxRobot robot) {
        List<ParamRow> rows = new ArrayList<>();
        robot.interact(() -> collect(window.scene().getRoot(), ParamRow.class, rows));
        assertThat(rows.stream().map(Node::getId))
                .contains(
                        "temperature",
                        "top-k",
                        "top-p",
                        "min-p",
                        "typical-p",
                        "repetition",
                        "frequency",
                        "presence",
                        "window");
        assertThat(rows.size()).as("rows in all tabs").isGreaterThan(9);
        robot.interact(
                () -> {
                    for (ParamRow row : rows) {
                        checkRow(row);
                    }
                });
    }

    private void checkRow(ParamRow row) {
        String kept = row.field().getText();
        double slider = row.slider().getValue();
        SamplingSettings strategy = vm.strategy().settings();
        for (String bad : INVALID) {
            type(row.field(), bad);
            assertThat(row.errorLabel().isVisible())
                    .as("%s refuses '%s'", row.getId(), bad)
                    .isTrue();
            assertThat(row.errorLabel().getText()).as(row.getId()).endsWith("kept " + kept);
            assertThat(row.slider().getValue()).as(row.getId()).isEqualTo(slider);
        }
        assertThat(vm.strategy().settings()).as(row.getId()).isEqualTo(strategy);
        type(row.field(), kept);
        assertThat(row.errorLabel().isVisible()).as("%s takes '%s'", row.getId(), kept).isFalse();
    }

    @Test
    void theSeedRefusesInvalidTextAndKeepsItsValue(FxRobot robot) {
        TextField seed = robot.lookup("#seed").queryAs(TextField.class);
        Label error = (Label) seed.getParent().getParent().lookup(".param-error");
        robot.interact(
                () -> {
                    for (String bad : List.of("x", "1.5", "", "99999999999999999999", "NaN")) {
                        type(seed, bad);
                        assertThat(error.isVisible()).as("seed refuses '%s'", bad).isTrue();
                        assertThat(error.getText()).endsWith("kept 7");
                        assertThat(vm.seedProperty().get()).isEqualTo(7);
                    }
                    type(seed, "-42");
                    assertThat(error.isVisible()).isFalse();
                    assertThat(vm.seedProperty().get()).isEqualTo(-42);
                });
    }

    @Test
    void theCacheLabPositionsRefuseInvalidTextAndKeepTheirValue(FxRobot robot) {
        @SuppressWarnings("unchecked")
        Spinner<Integer> tokens = robot.lookup("#cl-tokens").queryAs(Spinner.class);
        Label error = robot.lookup("#cl-tokens-error").queryAs(Label.class);
        var cache = window.cache().viewModel();
        robot.interact(
                () -> {
                    int kept = tokens.getValue();
                    for (String bad : List.of("abc", "", "5", "99999", "1.5", "-3")) {
                        type(tokens.getEditor(), bad);
                        assertThat(error.isVisible()).as("positions refuse '%s'", bad).isTrue();
                        assertThat(error.getText()).endsWith("kept " + kept);
                        assertThat(tokens.getValue()).isEqualTo(kept);
                        assertThat(cache.tokensProperty().get()).isEqualTo(kept);
                    }
                    type(tokens.getEditor(), "64");
                    assertThat(error.isVisible()).isFalse();
                    assertThat(cache.tokensProperty().get()).isEqualTo(64);
                });
    }

    private static void type(TextField field, String text) {
        field.setText(text);
        field.fireEvent(new ActionEvent());
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> found) {
        if (type.isInstance(node)) {
            found.add(type.cast(node));
        }
        if (node instanceof javafx.scene.Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, found);
            }
        }
        if (node instanceof javafx.scene.control.TabPane tabs) {
            for (var tab : tabs.getTabs()) {
                if (tab.getContent() != null && tab.getContent().getParent() == null) {
                    collect(tab.getContent(), type, found);
                }
            }
        }
        if (node instanceof javafx.scene.control.TitledPane t && t.getContent() != null) {
            if (t.getContent().getParent() == null) {
                collect(t.getContent(), type, found);
            }
        }
    }
}
