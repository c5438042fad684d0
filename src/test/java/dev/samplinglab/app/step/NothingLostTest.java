package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.engine.sampling.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
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
 * Exports and settings never lose a file: an existing export is only replaced after the user
 * confirms, and a write into a read-only folder shows a message and leaves the old file and no
 * temporary file behind. Exports run on a background writer as in the app.
 */
@ExtendWith(ApplicationExtension.class)
class NothingLostTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService io = DaemonThreads.single("export-writer");
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
                                SamplingLabApp.historyJson()),
                        new AppSettings(
                                "random:tiny",
                                "The cat",
                                0,
                                Preset.GENERAL.settings(),
                                12,
                                4,
                                1100,
                                700));
        window.view().exporter().writeInBackground(io, Platform::runLater);
        stage.show();
        window.viewModel().loadModel("random:tiny");
    }

    @AfterEach
    void stop() throws Exception {
        io.shutdown();
        io.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** The three exports, by file extension. */
    private Path export(FxRobot robot, String ext, Path file) throws Exception {
        prompts.files.add(file);
        Exporter e = window.view().exporter();
        Function<Exporter, Path> call =
                switch (ext) {
                    case "png" -> x -> x.exportPng(window.view().charts());
                    case "csv" -> Exporter::exportCsv;
                    default -> Exporter::exportJson;
                };
        Path written = WaitForAsyncUtils.asyncFx(() -> call.apply(e)).get(10, TimeUnit.SECONDS);
        io.submit(() -> {}).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return written;
    }

    @Test
    void anExistingFileIsKeptWhenTheUserDeclinesAndReplacedWhenConfirmed(FxRobot robot)
            throws Exception {
        robot.type(KeyCode.RIGHT, 2);
        for (String ext : List.of("png", "csv", "json")) {
            Path file = Files.writeString(dir.resolve("old." + ext), "keep me");
            Path typed = dir.resolve("old"); // the extension is added: asked here, once
            prompts.allowOverwrite = false;
            assertThat(export(robot, ext, typed)).isNull();
            assertThat(Files.readString(file)).isEqualTo("keep me");
            prompts.allowOverwrite = true;
            assertThat(export(robot, ext, typed)).isEqualTo(file);
            assertThat(Files.size(file)).isGreaterThan(7);
        }
        assertThat(prompts.overwriteQuestions).hasSize(6);
        assertThat(prompts.saved).hasSize(3);
        assertThat(prompts.errors).isEmpty();
        assertNoTemporaryFiles(dir);
    }

    @Test
    void aWriteIntoAReadOnlyFolderShowsAMessageAndKeepsTheOldFile(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT, 2);
        Path locked = Files.createDirectories(dir.resolve("locked"));
        for (String ext : List.of("png", "csv", "json")) {
            Files.writeString(locked.resolve("old." + ext), "keep me");
        }
        makeReadOnly(locked);
        try {
            prompts.allowOverwrite = true;
            for (String ext : List.of("png", "csv", "json")) {
                Path file = locked.resolve("old." + ext);
                export(robot, ext, file);
                assertThat(Files.readString(file)).isEqualTo("keep me");
            }
            export(robot, "csv", locked.resolve("new.csv"));
        } finally {
            makeWritable(locked);
        }
        assertThat(prompts.errors).hasSize(4);
        assertThat(prompts.errors)
                .allSatisfy(
                        m ->
                                assertThat(m)
                                        .contains("Could not write")
                                        .contains("Nothing was lost")
                                        .contains("left as it was"));
        assertThat(prompts.saved).isEmpty();
        assertThat(locked.resolve("new.csv")).doesNotExist();
        assertNoTemporaryFiles(locked);
    }

    @Test
    void settingsIntoAReadOnlyFolderFailAndTheOldSettingsStay() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        AppSettings old =
                new AppSettings(
                        "random:tiny",
                        "old prompt",
                        1,
                        Preset.GENERAL.settings(),
                        25,
                        4,
                        1000,
                        700);
        store.save(old);
        makeReadOnly(dir);
        try {
            AppSettings next =
                    new AppSettings(
                            "bundled", "new prompt", 2, Preset.GENERAL.settings(), 30, 5, 900, 600);
            assertThatThrownBy(() -> store.save(next)).isInstanceOf(IOException.class);
        } finally {
            makeWritable(dir);
        }
        assertThat(store.load()).isEqualTo(old);
        assertNoTemporaryFiles(dir);
    }

    private static void assertNoTemporaryFiles(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            assertThat(files.map(Path::toString)).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    /**
     * Makes a folder read-only: permissions for a normal user; for root (who ignores them) the
     * immutable attribute. Skips the test when neither holds.
     */
    static void makeReadOnly(Path folder) throws Exception {
        folder.toFile().setWritable(false, false);
        if (canCreateIn(folder)) {
            run("chattr", "+i", folder.toString());
        }
        assumeTrue(!canCreateIn(folder), "cannot make a read-only folder here");
    }

    static void makeWritable(Path folder) throws Exception {
        if (System.getProperty("user.name").equals("root")) {
            run("chattr", "-i", folder.toString());
        }
        folder.toFile().setWritable(true, false);
    }

    private static boolean canCreateIn(Path folder) {
        try {
            Files.delete(Files.createTempFile(folder, "probe", ".x"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(String... cmd) throws Exception {
        try {
            new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException missing) {
            // no chattr: the folder stays as it is and the caller decides
        }
    }
}
