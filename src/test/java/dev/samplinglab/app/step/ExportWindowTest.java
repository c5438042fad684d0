package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.io.PngSize;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PNG exports of the step window: a fixed size whatever the window's (1600×900 by default, another
 * from the Export menu), with a title block over the charts; a saved file is confirmed.
 */
@ExtendWith(ApplicationExtension.class)
class ExportWindowTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private MainWindow window;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                FakeModel.opener(),
                                Runnable::run,
                                Runnable::run,
                                s -> prompts,
                                List.of(ModelChoice.of("random:tiny")),
                                new HistoryJson(TraceJson::toJson)),
                        new AppSettings(
                                "random:tiny",
                                "The cat",
                                7,
                                Preset.GENERAL.settings(),
                                12,
                                4,
                                1000,
                                620));
        stage.show();
        window.viewModel().loadModel("random:tiny");
    }

    private BufferedImage exportPng(FxRobot robot, String name) throws Exception {
        Path png = dir.resolve(name);
        prompts.files.add(png);
        robot.interact(() -> window.view().exportPng());
        assertThat(prompts.saved).contains(png);
        return ImageIO.read(png.toFile());
    }

    @Test
    void aPngIs1600By900WhateverTheWindowWithATitleBlockOverTheCharts(FxRobot robot)
            throws Exception {
        robot.type(KeyCode.RIGHT, 3);
        BufferedImage image = exportPng(robot, "charts.png");
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        int body = image.getRGB(1590, 895);
        int band = image.getRGB(1590, 5);
        assertThat(band).as("title band background differs from the page").isNotEqualTo(body);
        assertThat(colours(image, 0, 0, 1600, 90)).as("title text drawn").isGreaterThan(8);
        assertThat(colours(image, 0, 110, 1600, 880)).as("charts drawn").isGreaterThan(8);
    }

    @Test
    void theExportMenuChangesTheSizeOfTheNextPng(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT);
        MenuButton menu = robot.lookup("#export-menu").queryAs(MenuButton.class);
        javafx.scene.control.Menu size =
                (javafx.scene.control.Menu) menu.getItems().get(menu.getItems().size() - 1);
        assertThat(size.getText()).isEqualTo("PNG size: 1600×900");
        MenuItem hd = size.getItems().get(PngSize.CHOICES.indexOf(new PngSize(1280, 720)));
        robot.interact(hd::fire);
        assertThat(size.getText()).isEqualTo("PNG size: 1280×720");
        BufferedImage image = exportPng(robot, "small.png");
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(720);
    }

    @Test
    void beforeTheFirstStepThePngStillHasItsSizeAndTitle(FxRobot robot) throws Exception {
        BufferedImage image = exportPng(robot, "empty.png");
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(colours(image, 0, 0, 1600, 90)).isGreaterThan(8);
    }

    /** How many distinct colours a region holds (1 for an empty area). */
    static int colours(BufferedImage image, int x0, int y0, int x1, int y1) {
        Set<Integer> seen = new HashSet<>();
        for (int y = y0; y < y1; y += 2) {
            for (int x = x0; x < x1; x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
