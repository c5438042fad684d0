package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.chart.TimelineChart;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.LabTestModels;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.compare.CompareColumn;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.compare.RunMetrics;
import dev.samplinglab.app.playground.PlaygroundView;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.Preset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
 * The compare, KV-cache, playground tabs and the step window's timeline, headless (Monocle), on
 * small random models; model work runs on the FX thread (same-thread executors) except the cache
 * lab's run, which has its own thread.
 */
@ExtendWith(ApplicationExtension.class)
class LabTabsTest {
    private final RecordingPrompts prompts = new RecordingPrompts();
    private StepViewModel main;
    private StepView step;
    private LabTabs tabs;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        main =
                new StepViewModel(
                        FakeModel.opener(),
                        Runnable::run,
                        Runnable::run,
                        (period, tick) -> () -> {},
                        Preset.GENERAL.settings());
        main.promptProperty().set("Once upon");
        main.seedProperty().set(7);
        step = new StepView(main, prompts, List.of(ModelChoice.of("test:3")), null);
        tabs =
                MainWindow.labTabs(
                        step, LabTestModels.opener(), Runnable::run, Runnable::run, prompts);
        // the lab tabs are built on first selection; these tests reach into all of them
        tabs.buildAll();
        Scene scene = new Scene(tabs, 1260, 780);
        step.attach(scene, tabs::selected);
        scene.getStylesheets().add(getClass().getResource(LabTabs.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
        main.loadModel("test:3");
    }

    @AfterEach
    void stop() {
        tabs.shutdown();
    }

    private CompareViewModel compare() {
        return tabs.tab(TabId.COMPARE, CompareView.class).viewModel();
    }

    private CompareColumn column(int i) {
        return compare().columns().get(i);
    }

    private List<String> chipTexts(FxRobot robot, int column) {
        return robot
                .lookup("#c" + column + "-chips")
                .queryAs(javafx.scene.layout.FlowPane.class)
                .getChildren()
                .stream()
                .map(n -> ((Label) n).getText())
                .toList();
    }

    @Test
    void identicalStrategiesOnCommonRandomNumbersWriteIdenticalText(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.interact(() -> column(0).strategy().applyPreset(Preset.CREATIVE));
        robot.interact(() -> column(1).strategy().applyPreset(Preset.CREATIVE));
        for (int i = 0; i < 10; i++) {
            robot.clickOn("#cmp-step");
        }
        assertThat(robot.lookup("#cmp-coins").queryAs(Label.class).getText())
                .startsWith("Common random numbers");
        assertThat(column(0).history()).hasSize(10);
        assertThat(chipTexts(robot, 0)).hasSize(10 + compare().promptPieces().size());
        assertThat(chipTexts(robot, 0)).isEqualTo(chipTexts(robot, 1));
        assertThat(robot.lookup("#c1-divergence").queryAs(Label.class).getText())
                .isEqualTo("same text as column 1 so far");
    }

    @Test
    void compareMetricsDescribeExactlyTheStepsShownAfterBack(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.interact(() -> column(1).strategy().applyPreset(Preset.CREATIVE));
        for (int i = 0; i < 3; i++) {
            robot.clickOn("#cmp-step");
        }
        for (int back = 0; back < 2; back++) {
            robot.clickOn("#cmp-back");
            for (int c = 0; c < 2; c++) {
                var m = compare().columns().get(c).metricsProperty().get();
                var expected = RunMetrics.ofResults(column(c).history());
                assertThat(m).isEqualTo(expected);
                assertThat(m.steps()).isEqualTo(2 - back);
                String shown =
                        robot.lookup("#column-" + c + "-metric-3").queryAs(Label.class).getText();
                assertThat(shown)
                        .isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", m.meanNucleus()));
            }
        }
    }

    @Test
    void compareColumnsShowTokenLabelsOneScaleAndNoSelfComparison(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.interact(() -> column(0).strategy().applyPreset(Preset.GREEDY));
        robot.interact(() -> column(1).strategy().applyPreset(Preset.CREATIVE));
        robot.type(KeyCode.RIGHT, 4);
        assertThat(robot.lookup("#c0-divergence").queryAs(Label.class).getText())
                .doesNotContain("column 1 so far")
                .startsWith("the reference");
        var axis =
                robot.lookup("#c1-final-axis").queryAs(dev.samplinglab.app.chart.TokenAxis.class);
        var chart =
                robot.lookup("#c1-final-chart").queryAs(dev.samplinglab.app.chart.StageChart.class);
        assertThat(axis.pieces()).isEqualTo(chart.data().pieces());
        assertThat(chart.data().chosenIndex()).isNotNegative();
        var other =
                robot.lookup("#c0-final-chart").queryAs(dev.samplinglab.app.chart.StageChart.class);
        assertThat(chart.yMax()).isEqualTo(other.yMax());
    }

    @Test
    void greedyAndTopPDivergeOnlyWhereTheSharedCoinPicksANonGreedyToken(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.interact(() -> column(0).strategy().applyPreset(Preset.GREEDY));
        robot.interact(
                () -> {
                    var f = column(1).strategy();
                    f.applyPreset(Preset.GENERAL);
                    f.temperatureProperty().set(1.0);
                    f.topKProperty().set(0);
                    f.topPProperty().set(0.9);
                });
        robot.type(KeyCode.RIGHT, 30);
        int d = column(1).divergenceProperty().get();
        assertThat(d).isBetween(1, 29);
        for (int t = 0; t <= d; t++) {
            StepResult g = column(0).history().get(t);
            StepResult p = column(1).history().get(t);
            assertThat(p.trace().coin()).isEqualTo(g.trace().coin());
            int argmax = p.trace().displayIds()[0];
            assertThat(g.tokenId()).isEqualTo(argmax);
            assertThat(p.tokenId() == argmax).as("step %d", t).isEqualTo(t < d);
        }
        assertThat(robot.lookup("#c1-divergence").queryAs(Label.class).getText())
                .isEqualTo("diverged from column 1 at step " + (d + 1));
        var diverged = robot.lookup("#c1-chips .diverged").queryAll();
        assertThat(diverged).hasSize(1);
        assertThat(((Label) diverged.iterator().next()).getText())
                .isEqualTo(column(1).history().get(d).piece());
    }

    @Test
    void turningCommonRandomNumbersOffChangesTheCoins(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.type(KeyCode.RIGHT, 3);
        double shared = column(1).history().get(0).trace().coin();
        assertThat(column(0).history().get(0).trace().coin()).isEqualTo(shared);
        robot.clickOn("#cmp-crn");
        assertThat(compare().commonRandomNumbersProperty().get()).isFalse();
        assertThat(robot.lookup("#cmp-coins").queryAs(Label.class).getText())
                .startsWith("Independent streams");
        assertThat(column(1).history()).hasSize(3);
        for (int t = 0; t < 3; t++) {
            double c0 = column(0).history().get(t).trace().coin();
            double c1 = column(1).history().get(t).trace().coin();
            assertThat(c0).isNotEqualTo(c1).isEqualTo(Coins.independentStream(7, 0).coin(t));
            assertThat(c1).isEqualTo(Coins.independentStream(7, 1).coin(t));
        }
    }

    @Test
    void backMovesEveryColumnInLockstep(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.clickOn("#cmp-add");
        assertThat(compare().columns()).hasSize(3);
        robot.type(KeyCode.RIGHT, 4);
        List<List<String>> before =
                List.of(chipTexts(robot, 0), chipTexts(robot, 1), chipTexts(robot, 2));
        robot.clickOn("#cmp-back");
        for (int c = 0; c < 3; c++) {
            assertThat(column(c).history()).hasSize(3);
            List<String> now = chipTexts(robot, c);
            assertThat(now).isEqualTo(before.get(c).subList(0, before.get(c).size() - 1));
        }
        assertThat(robot.lookup("#cmp-steps").queryAs(Label.class).getText()).isEqualTo("step 3");
    }

    @Test
    void compareExportsCsv(FxRobot robot) throws Exception {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.type(KeyCode.RIGHT, 3);
        Path csv = dir.resolve("compare.csv");
        prompts.files.add(csv);
        robot.interact(() -> tabs.tab(TabId.COMPARE, CompareView.class).exportCsv());
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(1 + 2 * 3);
        assertThat(lines.get(0)).startsWith("column,strategy,coins,step,token_id");
        assertThat(lines.get(1)).startsWith("1,");
        Path png = dir.resolve("compare.png");
        prompts.files.add(png);
        robot.interact(() -> tabs.tab(TabId.COMPARE, CompareView.class).exportPng());
        var image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("the PNG size, not the window's").isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);
        assertThat(image.getRGB(1590, 5)).as("title band").isNotEqualTo(image.getRGB(1590, 895));
        assertThat(prompts.saved).containsExactly(csv, png);
    }

    @Test
    void cacheLabReportsIdenticalLogitsAndCancelsAtOnce(FxRobot robot) throws Exception {
        CacheLabViewModel cache = tabs.tab(TabId.CACHE, CacheLabView.class).viewModel();
        robot.interact(() -> tabs.show(TabId.CACHE));
        robot.interact(() -> cache.tokensProperty().set(40));
        robot.clickOn("#cl-run");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !cache.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cache.maxDiffProperty().get()).isLessThanOrEqualTo(1e-4);
        assertThat(robot.lookup("#cl-check").queryAs(Label.class).getText())
                .contains("identical logits");
        assertThat(tabs.tab(TabId.CACHE, CacheLabView.class).grid().filled()).isEqualTo(40);
        assertThat(robot.lookup("#cl-formula").queryAs(Label.class).getText())
                .contains("2 · 2 · 40 · 2 · 8 · 4 = 10,240 bytes");

        robot.interact(() -> cache.modelSpecProperty().set("random:tiny"));
        robot.interact(() -> cache.tokensProperty().set(256));
        robot.clickOn("#cl-run");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> cache.samples().size() >= 3);
        java.util.concurrent.CompletableFuture<?>[] idle =
                new java.util.concurrent.CompletableFuture<?>[1];
        boolean[] runningAfterCancel = {true};
        robot.interact(
                () -> {
                    cache.cancel();
                    runningAfterCancel[0] = cache.runningProperty().get();
                    idle[0] = cache.idle();
                });
        assertThat(runningAfterCancel[0]).as("the view stops at once").isFalse();
        idle[0].get(60, TimeUnit.SECONDS); // the engine thread goes idle (a latch, not a clock)
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cache.runningProperty().get()).isFalse();
        assertThat(robot.lookup("#cl-status").queryAs(Label.class).getText())
                .startsWith("Cancelled");
        int shown = cache.samples().size();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cache.samples()).as("nothing after the engine went idle").hasSize(shown);
        assertThat(shown).as("stopped before the end").isLessThan(256);
        assertThat(robot.lookup("#cl-run").queryButton().isDisabled()).isFalse();
    }

    @Test
    void playgroundShowsTheCorrectSoftmaxOfTheTutorialVector(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.PLAYGROUND));
        robot.clickOn("#example-SOFTMAX");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).column("softmax"))
                .containsExactly("0.0751", "0.2756", "0.0456", "0.5023", "0.1014");
        assertThat(robot.lookup("#pg-note").queryAs(Label.class).getText())
                .contains("0.0751 0.2756 0.0456 0.5023 0.1014")
                .contains("wrong");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).charts().chart("raw"))
                .isNotNull();
    }

    @Test
    void playgroundRecomputesOnEditsAndShowsBothTopPRules(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.PLAYGROUND));
        robot.clickOn("#example-TOP_P_INCLUSIVE");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).column("final"))
                .containsExactly("0.6667", "0.3333", "—", "—");
        robot.clickOn("#pg-rule-cumsum");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).column("final"))
                .containsExactly("1.0000", "—", "—", "—");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).charts().chart("top_p"))
                .isNotNull();
        robot.doubleClickOn("#pg-logits").eraseText(40).write("0, 0");
        assertThat(tabs.tab(TabId.PLAYGROUND, PlaygroundView.class).column("softmax"))
                .containsExactly("0.5000", "0.5000");
    }

    @Test
    void clickingATimelinePointOpensThatStep(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 4);
        assertThat(main.history()).hasSize(4);
        TimelineChart timeline = step.timeline();
        assertThat(timeline.data().size()).isEqualTo(4);
        assertThat(main.selectedProperty().get()).isEqualTo(3);
        Point2D p = timeline.localToScreen(timeline.stepX(1), timeline.getHeight() / 2);
        robot.clickOn(p);
        assertThat(main.selectedProperty().get()).isEqualTo(1);
        assertThat(main.shownProperty().get().index()).isEqualTo(1);
        assertThat(step.status().getText()).startsWith("step 2 ·");
    }

    @Test
    void keysGoToTheSelectedTab(FxRobot robot) {
        robot.interact(() -> tabs.show(TabId.COMPARE));
        robot.type(KeyCode.RIGHT, 2);
        assertThat(compare().stepsProperty().get()).isEqualTo(2);
        assertThat(main.history()).isEmpty();
        robot.interact(() -> tabs.show(TabId.STEP));
        robot.type(KeyCode.RIGHT);
        assertThat(main.history()).hasSize(1);
        assertThat(compare().stepsProperty().get()).isEqualTo(2);
    }
}
