package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * At the smallest window (1000×620) and a 1280×720 projector, every toolbar control of every tab is
 * inside the window, shows its whole text (no "St…") and overlaps no other control.
 */
@ExtendWith(ApplicationExtension.class)
class NarrowWindowTest {
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
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
                        new AppSettings(
                                "random:tiny",
                                "The cat",
                                7,
                                Preset.GENERAL.settings(),
                                25,
                                4,
                                1000,
                                620));
        stage.show();
        window.viewModel().loadModel("random:tiny");
    }

    @AfterEach
    void stop() {
        window.tabs().shutdown();
    }

    @ParameterizedTest
    @CsvSource({
        "1000, 620, STEP", "1000, 620, COMPARE", "1000, 620, CACHE",
        "1280, 720, STEP", "1280, 720, COMPARE", "1280, 720, CACHE"
    })
    void everyToolbarControlIsWholeAndInsideTheWindow(
            int width, int height, TabId tab, FxRobot robot) {
        robot.interact(
                () -> {
                    stage.setMaximized(false);
                    stage.setWidth(width);
                    stage.setHeight(height);
                    window.tabs().show(tab);
                    window.view().step();
                });
        robot.interact(() -> {});
        double sceneWidth = window.scene().getWidth();
        List<String> problems = new ArrayList<>();
        Node root = window.tabs().tab(tab).node();
        List<Node> bars = new ArrayList<>(root.lookupAll(".toolbar"));
        assertThat(bars).as("toolbars of " + tab).isNotEmpty();
        for (Node bar : bars) {
            List<Control> controls = new ArrayList<>();
            collect(bar, controls);
            for (Control c : controls) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                String name = describe(c);
                if (b.getMinX() < -0.5 || b.getMaxX() > sceneWidth + 0.5) {
                    problems.add(name + " outside the window: " + b.getMinX() + ".." + b.getMaxX());
                }
                if (c instanceof Labeled l
                        && l.getText() != null
                        && !l.getText().isEmpty()
                        && l.getWidth() + 0.5 < l.prefWidth(-1)) {
                    problems.add(name + " cut: " + l.getWidth() + " < " + l.prefWidth(-1));
                }
            }
            for (int i = 0; i < controls.size(); i++) {
                for (int j = i + 1; j < controls.size(); j++) {
                    Bounds a = controls.get(i).localToScene(controls.get(i).getLayoutBounds());
                    Bounds b = controls.get(j).localToScene(controls.get(j).getLayoutBounds());
                    double w =
                            Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
                    double h =
                            Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
                    if (w > 1 && h > 1) {
                        problems.add(
                                describe(controls.get(i))
                                        + " overlaps "
                                        + describe(controls.get(j)));
                    }
                }
            }
        }
        assertThat(problems).as("%s at %dx%d", tab, width, height).isEmpty();
    }

    /** Visible controls of a toolbar, not looking inside controls. */
    private static void collect(Node node, List<Control> out) {
        if (!node.isVisible() || !node.isManaged()) {
            return;
        }
        if (node instanceof Control c) {
            out.add(c);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(n -> collect(n, out));
        }
    }

    private static String describe(Control c) {
        String text = c instanceof Labeled l ? "'" + l.getText() + "'" : "";
        return c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()) + text;
    }
}
