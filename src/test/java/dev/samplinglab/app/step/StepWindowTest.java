package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.chart.ChartData;
import dev.samplinglab.app.chart.StageChart;
import dev.samplinglab.app.common.FakeModel;
import dev.samplinglab.app.common.FakeStepSource;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.widgets.TokenStrip;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TraceJson;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step window headless (Monocle) on a fake session that runs the real sampling pipeline over a
 * 12-token vocabulary; model work runs on the FX thread here (same-thread executors).
 */
@ExtendWith(ApplicationExtension.class)
class StepWindowTest {
    private final List<FakeModel> opened = new ArrayList<>();
    private final RecordingPrompts prompts = new RecordingPrompts();
    private MainWindow window;
    private StepViewModel vm;

    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        ModelOpener opener =
                (spec, progress) -> {
                    FakeModel m = (FakeModel) FakeModel.opener().open(spec, progress);
                    opened.add(m);
                    return m;
                };
        SamplingSettings strategy = dev.samplinglab.engine.sampling.Preset.GENERAL.settings();
        AppSettings settings =
                new AppSettings("random:tiny", "The cat", 0, strategy, 12, 4, 1300, 860);
        HistoryJson json = new HistoryJson(TraceJson::toJson);
        window =
                MainWindow.build(
                        stage,
                        new MainWindow.Parts(
                                opener,
                                Runnable::run,
                                Runnable::run,
                                s -> prompts,
                                List.of(ModelChoice.of("random:tiny")),
                                json),
                        settings);
        vm = window.viewModel();
        stage.show();
        vm.loadModel("random:tiny");
    }

    private FakeStepSource session() {
        return opened.get(opened.size() - 1).session();
    }

    private StageChart chart(String kind) {
        return window.view().charts().chart(kind);
    }

    private int stageKept(String kind) {
        return vm.shownProperty().get().trace().stages().stream()
                .filter(s -> s.name().equals(kind))
                .findFirst()
                .orElseThrow()
                .keptCount();
    }

    @Test
    void aPastStepIsLabelledWithTheSettingsItWasDrawnWith(FxRobot robot) {
        robot.interact(() -> vm.strategy().temperatureProperty().set(0.9));
        robot.type(KeyCode.RIGHT, 4);
        robot.interact(() -> vm.strategy().temperatureProperty().set(0.3));
        assertThat(window.view().charts().banner().isVisible()).isTrue();
        assertThat(robot.lookup("#past-step-banner").tryQuery()).isEmpty();
        robot.interact(() -> vm.select(1));
        String banner = robot.lookup("#past-step-banner").queryAs(Label.class).getText();
        assertThat(banner)
                .startsWith("Step 2 as it was drawn")
                .contains("temperature 0.90")
                .contains("current strategy");
        robot.interact(() -> vm.select(3));
        assertThat(robot.lookup("#past-step-banner").tryQuery()).isEmpty();
    }

    @Test
    void afterCtrlRInThePromptTheArrowKeysStepAgain(FxRobot robot) {
        robot.clickOn("#prompt");
        robot.type(KeyCode.END);
        robot.write(" sat");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.targetWindow().getScene().getFocusOwner())
                .isSameAs(window.view().charts());
        robot.type(KeyCode.RIGHT, 2);
        assertThat(vm.history()).hasSize(2);
        assertThat(vm.promptProperty().get()).isEqualTo("The cat sat");
    }

    @Test
    void theChatSwitchShowsTheSystemMessageField(FxRobot robot) {
        javafx.scene.Node system = robot.lookup("#system-message").query();
        assertThat(system.isVisible()).isFalse();
        robot.clickOn("#chat-mode");
        assertThat(vm.chatModeProperty().get()).isTrue();
        assertThat(system.isVisible()).isTrue();
        robot.clickOn("#system-message").write("Be brief.");
        assertThat(vm.systemProperty().get()).isEqualTo("Be brief.");
    }

    @Test
    void threeStepsAddThreeChipsAndUpdateEveryChart(FxRobot robot) {
        List<List<ChartData>> seen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            robot.type(KeyCode.RIGHT);
            List<ChartData> now = new ArrayList<>();
            for (StageChart c : window.view().charts().charts()) {
                now.add(c.data());
            }
            seen.add(now);
        }
        assertThat(window.view().strip().chips()).hasSize(3);
        assertThat(vm.history()).hasSize(3);
        StepResult last = vm.history().get(2);
        List<ChartData> charts = seen.get(2);
        assertThat(charts)
                .extracting(ChartData::kind)
                .containsExactly("raw", "top_k", "top_p", "final");
        ChartData raw = charts.get(0);
        assertThat(raw.values()[0]).isEqualTo(last.trace().raw().candidates().get(0).prob());
        ChartData fin = charts.get(3);
        assertThat(fin.pieces().get(fin.chosenIndex())).isEqualTo(last.piece());
        for (int k = 0; k < charts.size(); k++) {
            assertThat(charts.get(k)).isNotSameAs(seen.get(1).get(k));
            assertThat(charts.get(k).values()).isNotEqualTo(seen.get(1).get(k).values());
        }
        assertThat(window.view().status().getText()).startsWith("step 3 ·");
    }

    @Test
    void backRemovesAChipAndRestoresThePreviousChartsExactly(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        List<BufferedImage> before = pixels();
        String statusBefore = window.view().status().getText();
        robot.type(KeyCode.RIGHT);
        assertThat(pixelsEqual(before, pixels())).isFalse();
        robot.type(KeyCode.LEFT);
        assertThat(window.view().strip().chips()).hasSize(2);
        assertThat(pixelsEqual(before, pixels())).isTrue();
        assertThat(window.view().status().getText()).isEqualTo(statusBefore);
    }

    @Test
    void movingTopKMovesTheCutoffAndKeptCountWithoutANewCoin(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        setField(robot, "#top-k-field", "6");
        double x6 = chart("top_k").cutoffMarkerX();
        int kept6 = chart("top_k").data().keptShown();
        int coins = session().coinsDrawn();
        double coin = vm.shownProperty().get().trace().coin();
        setField(robot, "#top-k-field", "2");
        assertThat(chart("top_k").cutoffMarkerX()).isLessThan(x6);
        assertThat(chart("top_k").data().keptShown()).isEqualTo(2).isLessThan(kept6);
        assertThat(stageKept("top_k")).isEqualTo(2);
        assertThat(session().coinsDrawn()).isEqualTo(coins);
        assertThat(vm.history()).hasSize(1);
        assertThat(vm.shownProperty().get().trace().coin()).isEqualTo(coin);
    }

    @Test
    void thePLineAndTheCrossingTokenFollowTopP(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        setField(robot, "#top-k-field", "0");
        setField(robot, "#top-p-field", "0.5");
        double y50 = chart("top_p").pLineY();
        int cross50 = chart("top_p").data().crossingIndex();
        setField(robot, "#top-p-field", "0.9");
        double y90 = chart("top_p").pLineY();
        int cross90 = chart("top_p").data().crossingIndex();
        assertThat(y90).isLessThan(y50);
        assertThat(cross90).isGreaterThan(cross50);
        ChartData data = chart("top_p").data();
        assertThat(data.pLine()).isEqualTo(0.9);
        assertThat(data.cumulative()[cross90]).isGreaterThanOrEqualTo(0.9 - 1e-9);
        assertThat(data.cumulative()[cross90 - 1]).isLessThan(0.9);
        assertThat(chart("top_p").crossingMarkerX())
                .isEqualTo(chart("top_p").barLayout().center(cross90));
    }

    @Test
    void switchingTheRuleChangesTheKeptSet(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        setField(robot, "#top-k-field", "0");
        setField(robot, "#top-p-field", "0.8");
        int inclusive = stageKept("top_p");
        boolean crossingKept = chart("top_p").data().kept()[chart("top_p").data().crossingIndex()];
        robot.clickOn("#rule-cumsum");
        int le = stageKept("top_p");
        assertThat(crossingKept).isTrue();
        assertThat(le).isEqualTo(inclusive - 1);
        assertThat(chart("top_p").data().kept()[chart("top_p").data().crossingIndex()]).isFalse();
        assertThat(chart("top_p").data().detail()).contains("cumsum ≤ p");
    }

    @Test
    void branchingFromAHistoryStepTruncatesTextAndCache(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 4);
        int cacheBefore = vm.cacheLengthProperty().get();
        Label chip = window.view().strip().chips().get(1);
        robot.clickOn(chip);
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        ContextMenu menu = window.view().strip().branchMenuOf(chip);
        String item = menu.getItems().get(0).getText();
        robot.interact(() -> menu.getItems().get(0).fire());
        assertThat(window.view().strip().chips()).hasSize(2);
        assertThat(vm.cacheLengthProperty().get()).isEqualTo(cacheBefore - 2);
        StepResult branched = vm.history().get(1);
        assertThat(branched.forced()).isTrue();
        assertThat(item).contains(branched.piece());
        assertThat(window.view().strip().chips().get(1).getText()).isEqualTo(branched.piece());
        assertThat(window.view().status().getText()).contains("chosen by you");
    }

    @Test
    void aChipOpensItsStepFromTheKeyboard(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 3);
        Label chip = window.view().strip().chips().get(1);
        assertThat(chip.isFocusTraversable()).isTrue();
        assertThat(chip.getAccessibleText()).startsWith("step 2: ");
        robot.interact(chip::requestFocus);
        robot.type(KeyCode.ENTER);
        assertThat(vm.selectedProperty().get()).isEqualTo(1);
        // Enter on a focused chip opens its step: it neither runs nor steps
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.history()).hasSize(3);
    }

    @Test
    void clickingAnotherBarOfTheFinalChartBranchesToThatToken(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 3);
        robot.clickOn(window.view().strip().chips().get(0));
        StageChart fin = chart("final");
        int other = fin.data().chosenIndex() == 0 ? 1 : 0;
        int id = vm.shownProperty().get().trace().displayIds()[other];
        javafx.geometry.Point2D p =
                fin.localToScreen(fin.barLayout().center(other), fin.getHeight() / 2);
        robot.clickOn(p);
        assertThat(vm.history()).hasSize(1);
        assertThat(vm.history().get(0).tokenId()).isEqualTo(id);
        assertThat(vm.history().get(0).forced()).isTrue();
    }

    @Test
    void hoveringAChipShowsTheTopFiveAlternatives(FxRobot robot) {
        robot.type(KeyCode.RIGHT, 2);
        Label chip = window.view().strip().chips().get(1);
        robot.moveTo(chip);
        WaitForAsyncUtils.waitForFxEvents();
        String text = chip.getTooltip().getText();
        StepResult step = vm.history().get(1);
        assertThat(text).startsWith("step 2: " + step.piece());
        assertThat(text.lines().filter(l -> l.startsWith("  "))).hasSize(5);
        assertThat(text).contains(TokenStrip.alternatives(step.trace(), 5).get(4).piece());
    }

    @Test
    void keyboardShortcutsDriveTheWindow(FxRobot robot) {
        robot.type(KeyCode.SPACE);
        robot.type(KeyCode.RIGHT);
        assertThat(vm.history()).hasSize(2);
        robot.type(KeyCode.BACK_SPACE);
        assertThat(vm.history()).hasSize(1);
        robot.type(KeyCode.ENTER);
        assertThat(vm.runningProperty().get()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(vm.runningProperty().get()).isFalse();
        robot.push(KeyCode.CONTROL, KeyCode.R);
        assertThat(vm.history()).isEmpty();
        robot.type(KeyCode.F11);
        assertThat(vm.presentationProperty().get()).isTrue();
        // the controls fold into the slim strip; its button unfolds them
        assertThat(robot.lookup("#penalties").tryQuery()).isEmpty();
        assertThat(robot.lookup("#unfold-controls").tryQuery()).isPresent();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        assertThat(vm.presentationProperty().get()).isFalse();
        assertThat(robot.lookup("#penalties").query().isVisible()).isTrue();
    }

    @Test
    void exportsWriteValidPngCsvAndJson(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT, 3);
        Path png = dir.resolve("charts.png");
        Path csv = dir.resolve("history.csv");
        Path json = dir.resolve("history.json");
        prompts.files.add(png);
        prompts.files.add(csv);
        prompts.files.add(json);
        robot.interact(
                () -> {
                    window.view().exporter().exportPng(window.view().charts());
                    window.view().exporter().exportCsv();
                    window.view().exporter().exportJson();
                });
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(500);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("step,token_id,piece");
        assertThat(lines.get(3)).startsWith("3,"); // numbered from 1, as on screen
        JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        assertThat(root.getAsJsonArray("steps")).hasSize(3);
        assertThat(root.get("prompt").getAsString()).isEqualTo("The cat");
        JsonObject trace =
                root.getAsJsonArray("steps").get(2).getAsJsonObject().getAsJsonObject("trace");
        assertThat(trace.get("chosen_id").getAsInt()).isEqualTo(vm.history().get(2).tokenId());
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void replacingIsAskedOnceTheChoosersQuestionIsNotRepeated(FxRobot robot) throws Exception {
        robot.type(KeyCode.RIGHT);
        Path csv = dir.resolve("history.csv");
        Files.writeString(csv, "keep me");
        // the name typed without its extension: the chooser did not ask about history.csv
        prompts.files.add(dir.resolve("history"));
        robot.interact(() -> window.view().exporter().exportCsv());
        assertThat(Files.readString(csv)).isEqualTo("keep me");
        assertThat(prompts.overwriteQuestions).containsExactly(csv);
        prompts.allowOverwrite = true;
        prompts.files.add(dir.resolve("history"));
        robot.interact(() -> window.view().exporter().exportCsv());
        assertThat(Files.readString(csv)).startsWith("step,");
        // the chooser returned the existing file itself: it has asked, nothing asks again
        prompts.files.add(csv);
        robot.interact(() -> window.view().exporter().exportCsv());
        assertThat(prompts.overwriteQuestions).hasSize(2);
        assertThat(prompts.saved).containsExactly(csv, csv);
    }

    @Test
    void aFailingModelLoadLeavesTheOldModelInPlace(FxRobot robot) {
        robot.type(KeyCode.RIGHT);
        prompts.folders.add(Path.of("bad-folder"));
        robot.interact(
                () -> window.view().controls().modelPicker().setValue(ModelChoice.openFolder()));
        assertThat(prompts.errors).singleElement().asString().contains("missing key n_embd");
        assertThat(vm.modelNameProperty().get()).isEqualTo("random:tiny");
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).closed()).isFalse();
        assertThat(window.view().controls().modelPicker().getValue().spec())
                .isEqualTo("random:tiny");
        robot.type(KeyCode.RIGHT);
        assertThat(vm.history()).hasSize(2);
    }

    private void setField(FxRobot robot, String query, String text) {
        robot.interact(
                () -> {
                    javafx.scene.control.TextField f =
                            robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
                    f.setText(text);
                    f.fireEvent(new javafx.event.ActionEvent());
                });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<BufferedImage> pixels() {
        List<BufferedImage> images = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(
                () -> {
                    for (Node n : window.view().charts().getChildren()) {
                        WritableImage img = n.snapshot(new SnapshotParameters(), null);
                        images.add(SwingFXUtils.fromFXImage(img, null));
                    }
                });
        WaitForAsyncUtils.waitForFxEvents();
        return images;
    }

    private static boolean pixelsEqual(List<BufferedImage> a, List<BufferedImage> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            BufferedImage x = a.get(i);
            BufferedImage y = b.get(i);
            if (x.getWidth() != y.getWidth() || x.getHeight() != y.getHeight()) {
                System.err.println("size differs at " + i);
                return false;
            }
            for (int r = 0; r < x.getHeight(); r++) {
                for (int c = 0; c < x.getWidth(); c++) {
                    if (x.getRGB(c, r) != y.getRGB(c, r)) {
                        System.err.println("pixel differs at chart " + i + " " + c + "," + r);
                        return false;
                    }
                }
            }
        }
        return true;
    }
}
