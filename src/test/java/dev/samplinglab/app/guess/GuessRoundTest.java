package dev.samplinglab.app.guess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.classroom.Scoreboard;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A guessing round in the real window on the bundled model: Ctrl+G hides the charts, guesses are
 * typed, Ctrl+Enter reveals (scores, the top 10, the drawn token), Ctrl+→ moves on, the scores add
 * up.
 */
@ExtendWith(ApplicationExtension.class)
class GuessRoundTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private MainWindow window;
    private StepViewModel vm;

    @Start
    void start(Stage stage) {
        AppSettings defaults = SettingsStore.defaults();
        AppSettings settings =
                new AppSettings("bundled", "ROMEO:", 0, defaults.strategy(), 25, 4, 1280, 720);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                new EngineModels(),
                                worker,
                                Platform::runLater,
                                s -> prompts,
                                List.of(ModelChoice.of("bundled")),
                                SamplingLabApp.historyJson()),
                        settings);
        vm = window.viewModel();
        stage.show();
        vm.loadModel("bundled");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.shutdown()).get();
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void idle() {
        waitFor(() -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
    }

    private static void waitFor(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void typeGuessesRevealMoveOnAndTheScoresAddUp(FxRobot robot) {
        idle();
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        GuessViewModel round = window.view().guess().viewModel();
        assertThat(round.activeProperty().get()).isTrue();
        // the distribution is hidden: the charts are out of the window, the round is in
        assertThat(window.view().getCenter()).isSameAs(window.view().guess().view());
        assertThat(window.view().charts().getScene()).isNull();
        assertThat(text(robot, "#guess-drawn")).isEqualTo("hidden until Reveal");

        robot.clickOn("#guess-input-0").write("↵");
        robot.clickOn("#guess-input-1").write("xylophone");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitFor(() -> round.phaseProperty().get() == GuessViewModel.Phase.REVEALED);
        idle();

        assertThat(text(robot, "#guess-result-0")).startsWith("#").contains("p('↵')");
        // ' xylophone' is not one token of the bundled model: the product, step by step
        assertThat(text(robot, "#guess-result-1")).contains(" × ").contains(" = ");
        assertThat(robot.lookup("#guess-top").queryAs(VBox.class).getChildren()).hasSize(10);
        assertThat(text(robot, "#guess-drawn")).contains("under the model");
        assertThat(vm.history()).hasSize(1);
        assertThat(round.standings()).extracting(Scoreboard.Entry::steps).containsOnly(1);
        double first = round.players().get(0).resultProperty().get().points();

        robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(round.phaseProperty().get()).isEqualTo(GuessViewModel.Phase.GUESSING);
        assertThat(robot.lookup("#guess-input-0").queryAs(TextField.class).getText()).isEmpty();
        assertThat(text(robot, "#guess-drawn")).isEqualTo("hidden until Reveal");

        robot.clickOn("#guess-input-0").write("the");
        robot.clickOn("#guess-reveal");
        waitFor(() -> round.phaseProperty().get() == GuessViewModel.Phase.REVEALED);
        idle();
        assertThat(vm.history()).hasSize(2);
        assertThat(round.standings()).extracting(Scoreboard.Entry::steps).containsOnly(2);
        Scoreboard.Entry a =
                round.standings().stream()
                        .filter(e -> e.player().equals("Team A"))
                        .findFirst()
                        .orElseThrow();
        double second = round.players().get(0).resultProperty().get().points();
        assertThat(a.points()).isEqualTo(first + second);
        assertThat(text(robot, "#guess-result-0")).startsWith("#");
        assertThat(robot.lookup("#guess-scores").tryQuery()).isPresent();
        assertThat(prompts.errors).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.view().charts().getScene()).isNotNull();
    }
}
