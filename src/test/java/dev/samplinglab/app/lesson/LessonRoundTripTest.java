package dev.samplinglab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareColumn;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.TraceJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
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
 * A lesson round trip on the bundled model in the real window: steps with a strategy change and a
 * branch, three compare columns, a past step and the compare tab shown; Save lesson… and Open
 * lesson… from a File menu; after another session in between, every trace, forced token, compare
 * column, the selected step and the tab are back.
 */
@ExtendWith(ApplicationExtension.class)
class LessonRoundTripTest {
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private final ExecutorService io = DaemonThreads.single("lesson-test");
    private final RecordingLessonPrompts prompts = new RecordingLessonPrompts();
    private final Menu file = new Menu("File");
    private MainWindow window;
    private StepViewModel vm;
    private LessonViewModel lessons;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        AppSettings d = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings("bundled", "ROMEO:", 3, d.strategy(), 25, 4, 1300, 860);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                s -> new RecordingPrompts(),
                                List.of(ModelChoice.of("bundled")),
                                SamplingLabApp.historyJson()),
                        settings);
        vm = window.viewModel();
        lessons =
                new LessonViewModel(
                        window.lessonHost(),
                        io,
                        Platform::runLater,
                        prompts,
                        new RecentLessons(dir));
        LessonMenu.install(lessons, file, new HBox());
        stage.show();
        vm.loadModel("bundled");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(
                        () -> {
                            window.tabs().shutdown();
                            vm.shutdown();
                        })
                .get();
        worker.shutdown();
        io.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void idle() {
        waitFor(
                () ->
                        !vm.loadingProperty().get()
                                && vm.pendingProperty().get() == 0
                                && !lessons.busyProperty().get()
                                && (!window.tabs().isBuilt(TabId.COMPARE)
                                        || compare().pendingProperty().get() == 0));
    }

    private CompareViewModel compare() {
        return window.compare().viewModel();
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fx(FxRobot robot, Runnable action) {
        robot.interact(action);
        idle();
    }

    private MenuItem item(String id) {
        return file.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }

    /** Everything a replay must give back, as comparable text. */
    private record Seen(
            List<String> steps,
            List<Boolean> forced,
            List<List<String>> columns,
            int selected,
            TabId tab,
            String strategy) {}

    private Seen seen() {
        List<List<String>> columns =
                compare().columns().stream()
                        .map(CompareColumn::history)
                        .map(h -> h.stream().map(r -> TraceJson.toLine(r.trace())).toList())
                        .toList();
        return new Seen(
                vm.history().stream().map(r -> TraceJson.toLine(r.trace())).toList(),
                vm.history().stream().map(StepResult::forced).toList(),
                columns,
                vm.selectedProperty().get(),
                window.lessonHost().shownTab(),
                vm.strategy().settings().describe());
    }

    @Test
    void saveThenOpenThroughTheFileMenuRestoresEveryTraceAndTheView(FxRobot robot)
            throws Exception {
        idle();
        fx(robot, vm::step);
        fx(robot, vm::step);
        fx(robot, () -> vm.strategy().apply(Preset.CREATIVE.settings()));
        fx(robot, vm::step);
        int alternative = vm.history().get(1).trace().displayIds()[4];
        fx(robot, () -> vm.branch(1, alternative));
        fx(robot, vm::step);
        fx(robot, vm::step);
        fx(robot, () -> window.tabs().show(TabId.COMPARE));
        fx(robot, () -> compare().addColumn(Preset.CREATIVE.settings()));
        fx(robot, () -> compare().commonRandomNumbersProperty().set(false));
        for (int i = 0; i < 4; i++) {
            fx(robot, compare()::step);
        }
        fx(robot, () -> vm.select(2));
        Seen before = seen();
        assertThat(before.forced()).containsExactly(false, true, false, false);
        assertThat(before.columns()).hasSize(3).allSatisfy(c -> assertThat(c).hasSize(4));

        Path lesson = dir.resolve("romeo");
        prompts.files.add(lesson);
        fx(robot, () -> item("menu-save-lesson").fire());
        Path written = dir.resolve("romeo.lesson.json");
        assertThat(written).exists();
        assertThat(Files.readString(written)).contains("\"forced\": true", "\"view\": \"compare\"");

        // another session in between: other prompt, seed, strategy, columns and tab
        fx(robot, () -> vm.promptProperty().set("JULIET:"));
        fx(robot, () -> vm.seedProperty().set(11));
        fx(robot, () -> vm.strategy().apply(Preset.GREEDY.settings()));
        fx(robot, vm::reset);
        fx(robot, vm::step);
        fx(robot, () -> compare().removeColumn(2));
        fx(robot, compare()::reset);
        fx(robot, () -> window.tabs().show(TabId.STEP));
        assertThat(seen()).isNotEqualTo(before);

        prompts.files.add(written);
        fx(robot, () -> item("menu-open-lesson").fire());
        waitFor(
                () ->
                        compare().stepsProperty().get() == 4
                                && compare().pendingProperty().get() == 0);
        assertThat(prompts.errors).isEmpty();
        assertThat(prompts.differs).isEmpty();
        assertThat(seen()).isEqualTo(before);
        assertThat(vm.promptProperty().get()).isEqualTo("ROMEO:");
        assertThat(vm.seedProperty().get()).isEqualTo(3);
        assertThat(compare().commonRandomNumbersProperty().get()).isFalse();

        Menu recent = (Menu) item("menu-recent-lessons");
        robot.interact(() -> LessonMenu.fillRecent(recent, lessons));
        assertThat(recent.getItems())
                .singleElement()
                .extracting(MenuItem::getText)
                .asString()
                .startsWith("romeo.lesson.json");
    }
}
