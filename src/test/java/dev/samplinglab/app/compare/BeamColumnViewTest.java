package dev.samplinglab.app.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.ExportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The compare tab's beam column: switched on from the toolbar, stepped with the others. */
@ExtendWith(ApplicationExtension.class)
class BeamColumnViewTest {
    private CompareViewModel vm;
    private CompareView view;

    @Start
    void start(Stage stage) {
        vm =
                new CompareViewModel(
                        LabTestModels.opener(), Runnable::run, Runnable::run, (p, t) -> () -> {});
        vm.modelSpecProperty().set("test:3");
        vm.promptProperty().set("Once upon");
        view = new CompareView(vm, new RecordingPrompts(), new SimpleBooleanProperty());
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    @Test
    void theBeamColumnShowsItsTextStatusAndMetrics(FxRobot robot) throws Exception {
        robot.clickOn("#cmp-beam");
        for (int i = 0; i < 4; i++) {
            robot.clickOn("#cmp-step");
        }
        BeamColumnView column = robot.lookup("#beam-column").queryAs(BeamColumnView.class);
        assertThat(column.chips().getChildren().size()).isEqualTo(vm.promptPieces().size() + 4);
        assertThat(robot.lookup("#bc-status").queryAs(Label.class).getText()).contains("4 steps");
        assertThat(robot.lookup("#bc-metric-0").queryAs(Label.class).getText())
                .isNotBlank()
                .isNotEqualTo("—");
        Path png = Path.of("target", "beam-column.png");
        Files.createDirectories(png.getParent());
        robot.interact(
                () -> {
                    try {
                        ExportFiles.writePng(view.snapshot(null, null), png);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        assertThat(png).exists();
        robot.clickOn("#cmp-beam");
        assertThat(robot.lookup("#beam-column").tryQuery()).isEmpty();
    }
}
