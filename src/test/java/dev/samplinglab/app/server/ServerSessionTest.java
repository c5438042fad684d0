package dev.samplinglab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.MainWindow;
import dev.samplinglab.app.SamplingLabApp;
import dev.samplinglab.app.chart.ChartData;
import dev.samplinglab.app.chart.StageChart;
import dev.samplinglab.app.common.RecordingPrompts;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepViewModel;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.server.FakeInferenceServer;
import dev.samplinglab.engine.server.ServerFlavour;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real step window on a model served by a loopback llama.cpp-shaped server (answering from the
 * bundled model run locally), through the engine's HTTP client: it opens through the usual model
 * path, steps, draws the top-N with the unseen rest and each stage's truncation caveat, says "top-N
 * from SERVER (API)", survives a server error with a message, and the KV-cache lab says why it is
 * unavailable.
 */
@ExtendWith(ApplicationExtension.class)
class ServerSessionTest {
    private static LanguageModel bundled;
    private static FakeInferenceServer server;
    private final RecordingPrompts prompts = new RecordingPrompts();
    private final ExecutorService worker = SamplingLabApp.modelWorker();
    private MainWindow window;

    @BeforeAll
    static void serve() {
        bundled = LanguageModel.open("bundled");
        server = FakeInferenceServer.start(bundled, ServerFlavour.LLAMACPP, 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        bundled.close();
    }

    @Start
    void start(Stage stage) {
        SamplingSettings nucleus = SamplingSettings.builder().temperature(0.8).topP(0.9).build();
        AppSettings settings = new AppSettings("bundled", "ROMEO:", 7, nucleus, 12, 4, 1200, 800);
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
        stage.show();
    }

    @AfterEach
    void shutdown() throws Exception {
        server.fault((path, n) -> null);
        Platform.runLater(() -> window.viewModel().shutdown());
        WaitForAsyncUtils.waitForFxEvents();
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void awaitIdle(StepViewModel vm) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(
                60,
                TimeUnit.SECONDS,
                () -> !vm.loadingProperty().get() && vm.pendingProperty().get() == 0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void step(FxRobot robot, StepViewModel vm, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            robot.interact(vm::step);
            awaitIdle(vm);
        }
    }

    @Test
    void stepsThroughTheServerAndSaysWhatItCouldNotSee(FxRobot robot) throws Exception {
        StepViewModel vm = window.viewModel();
        String spec = "server:llamacpp+%s?top_n=5#%s".formatted(server.url(), server.model());
        robot.interact(() -> vm.loadModel(spec));
        awaitIdle(vm);
        assertThat(vm.modelSpecProperty().get()).isEqualTo(spec);
        assertThat(vm.modelNameProperty().get())
                .isEqualTo("tiny-shakespeare.gguf (llama.cpp server)");

        step(robot, vm, 3);
        assertThat(vm.history()).hasSize(3);
        String host = server.url().substring("http://".length());
        assertThat(window.view().status().getText())
                .startsWith("top-5 from %s (llama.cpp server) · step 3 · ".formatted(host));
        List<ChartData> charts =
                window.view().charts().charts().stream().map(StageChart::data).toList();
        assertThat(charts).allMatch(ChartData::restUnseen);
        assertThat(charts.get(0).size()).isEqualTo(5);
        ChartData raw = window.view().charts().chart("raw").data();
        assertThat(raw.caveat())
                .startsWith("renormalizes over the 5 tokens the server sent only (");
        ChartData finalChart = window.view().charts().chart("final").data();
        assertThat(finalChart.caveat())
                .startsWith("the app draws only from the 5 tokens the server sent; ");
        assertThat(server.log()).contains("POST /completion");
    }

    @Test
    void aServerErrorIsAMessageAndTheSessionStaysUsable(FxRobot robot) throws Exception {
        StepViewModel vm = window.viewModel();
        robot.interact(() -> vm.loadModel(server.spec()));
        awaitIdle(vm);
        step(robot, vm, 2);
        server.fault(
                (path, n) ->
                        path.equals("/completion")
                                ? FakeInferenceServer.Reply.of(
                                        503, "{\"error\":{\"message\":\"loading model\"}}")
                                : null);
        step(robot, vm, 1);
        assertThat(prompts.errors).hasSize(1);
        assertThat(prompts.errors.get(0))
                .contains("503")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(vm.history()).hasSize(2);

        server.fault((path, n) -> null);
        step(robot, vm, 1);
        assertThat(vm.history()).hasSize(3);
        assertThat(prompts.errors).hasSize(1);
    }

    @Test
    void theCacheLabSaysWhyItIsUnavailable(FxRobot robot) throws Exception {
        StepViewModel vm = window.viewModel();
        robot.interact(() -> vm.loadModel(server.spec()));
        awaitIdle(vm);
        robot.interact(() -> window.tabs().show(dev.samplinglab.app.common.TabId.CACHE));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label totals =
                robot.lookup("#cl-totals").queryAs(javafx.scene.control.Label.class);
        assertThat(totals.getText())
                .startsWith(
                        "Unavailable for an inference-server model: the server owns its KV cache");
        assertThat(robot.lookup("#cl-run").queryButton().isDisabled()).isTrue();
    }
}
