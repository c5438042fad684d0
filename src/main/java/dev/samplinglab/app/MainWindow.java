package dev.samplinglab.app;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.common.DaemonThreads;
import dev.samplinglab.app.common.FxPrompts;
import dev.samplinglab.app.common.FxTicker;
import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.TabId;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.common.WindowBounds;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.io.AppSettings;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.lesson.FxLessonPrompts;
import dev.samplinglab.app.lesson.LessonHost;
import dev.samplinglab.app.lesson.LessonViewModel;
import dev.samplinglab.app.lesson.SessionRecorder;
import dev.samplinglab.app.playground.PlaygroundView;
import dev.samplinglab.app.playground.PlaygroundViewModel;
import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Builds the step window on a stage from its parts: the model opener, the worker and UI executors,
 * the dialogs and the remembered settings. Used by the app, the snapshot command and the UI tests
 * (with fakes).
 */
public final class MainWindow {
    private final StepViewModel viewModel;
    private final StepView view;
    private final Scene scene;
    private final LabTabs tabs;
    private final WindowMenu menu;
    private LessonViewModel lessons;

    private MainWindow(
            StepViewModel viewModel, StepView view, Scene scene, LabTabs tabs, WindowMenu menu) {
        this.viewModel = viewModel;
        this.view = view;
        this.scene = scene;
        this.tabs = tabs;
        this.menu = menu;
    }

    /** What the window is built from. */
    public record Parts(
            ModelOpener opener,
            Executor worker,
            Executor ui,
            Function<Stage, UserPrompts> prompts,
            List<ModelChoice> models,
            HistoryJson json) {

        /** Real dialogs, a Timeline ticker. */
        public static Parts of(
                ModelOpener opener,
                Executor worker,
                Executor ui,
                List<ModelChoice> models,
                HistoryJson json) {
            return new Parts(opener, worker, ui, FxPrompts::new, models, json);
        }
    }

    /** Builds the window on {@code stage} (not shown, no model loaded yet). */
    public static MainWindow build(Stage stage, Parts parts, AppSettings settings) {
        StepViewModel vm =
                new StepViewModel(
                        SessionRecorder.wrap(parts.opener()),
                        parts.worker(),
                        parts.ui(),
                        new FxTicker(),
                        settings.strategy());
        vm.promptProperty().set(settings.prompt());
        vm.seedProperty().set(settings.seed());
        vm.topNProperty().set(settings.topN());
        vm.speedProperty().set(settings.speed());
        UserPrompts prompts = parts.prompts().apply(stage);
        StepView view = new StepView(vm, prompts, parts.models(), parts.json());
        LabTabs tabs = labTabs(view, labModels(parts), parts.worker(), parts.ui(), prompts);
        WindowMenu menu = new WindowMenu(vm.presentationProperty());
        Scene scene =
                new Scene(
                        new javafx.scene.layout.BorderPane(tabs, menu, null, null, null),
                        settings.width(),
                        settings.height());
        view.attach(scene, tabs::selected);
        scene.getStylesheets()
                .add(MainWindow.class.getResource(LabTabs.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        place(stage, settings);
        projectorFullScreen(stage, vm);
        stage.titleProperty().bind(Bindings.concat("Sampling Lab · ", vm.modelNameProperty()));
        MainWindow window = new MainWindow(vm, view, scene, tabs, menu);
        window.lessons =
                WindowLessons.install(vm, tabs, menu, parts.ui(), new FxLessonPrompts(stage));
        return window;
    }

    /** Presentation mode is full screen; leaving full screen (Esc) leaves presentation mode. */
    private static void projectorFullScreen(Stage stage, StepViewModel vm) {
        stage.setFullScreenExitHint("");
        vm.presentationProperty().addListener((obs, o, on) -> stage.setFullScreen(on));
        stage.fullScreenProperty()
                .addListener(
                        (obs, o, full) -> {
                            if (!full) {
                                vm.presentationProperty().set(false);
                            }
                        });
    }

    /** Opens at the saved size clamped to the primary screen's visual bounds (never off-screen). */
    private static void place(Stage stage, AppSettings settings) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        WindowBounds b = WindowBounds.fit(settings.width(), settings.height(), screen);
        stage.setMinWidth(WindowBounds.minWidth(screen));
        stage.setMinHeight(WindowBounds.minHeight(screen));
        askAgainOnceShown(stage, b);
        stage.setX(b.x());
        stage.setY(b.y());
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        stage.setMaximized(b.maximized());
    }

    /**
     * A window manager (openbox, under GTK) may map the window smaller than asked, and the minimum
     * then wins: once shown, the size is asked for again. Only for this window's first showing (a
     * stage may be shown again with another scene: tests share one).
     */
    private static void askAgainOnceShown(Stage stage, WindowBounds b) {
        Scene mine = stage.getScene();
        javafx.event.EventHandler<javafx.stage.WindowEvent> once =
                new javafx.event.EventHandler<>() {
                    @Override
                    public void handle(javafx.stage.WindowEvent e) {
                        stage.removeEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, this);
                        if (stage.getScene() == mine) {
                            Platform.runLater(() -> resizeIfShrunk(stage, b));
                        }
                    }
                };
        if (!stage.isShowing()) {
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, once);
        }
    }

    private static void resizeIfShrunk(Stage stage, WindowBounds b) {
        if (stage.isMaximized() || stage.isFullScreen()) {
            return;
        }
        if (stage.getWidth() < b.width() - 1 || stage.getHeight() < b.height() - 1) {
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setX(b.x());
            stage.setY(b.y());
        }
    }

    /**
     * The tabs: the step window, then Compare, KV cache and Playground, each built on its first
     * selection. Compare shares the step window's model worker, prompt, seed and model; the cache
     * lab runs on its own thread so a long run never holds up stepping.
     *
     * @param step the step window
     * @param models opens models for the compare and cache tabs (on their threads)
     * @param worker the model worker shared with the step window
     * @param ui hops to the UI thread
     * @param prompts dialogs
     */
    public static LabTabs labTabs(
            StepView step, LabModels models, Executor worker, Executor ui, UserPrompts prompts) {
        StepViewModel main = step.viewModel();
        LabTabs tabs = new LabTabs(main.presentationProperty());
        tabs.add(TabId.STEP, () -> step);
        tabs.add(
                TabId.COMPARE,
                () -> {
                    CompareView compare = compareTab(main, models, worker, ui, prompts);
                    compare.pngSizeProperty().bindBidirectional(step.exporter().pngSizeProperty());
                    return compare;
                });
        tabs.add(TabId.CACHE, () -> cacheTab(main, models, tabs));
        tabs.add(
                TabId.PLAYGROUND,
                () -> new PlaygroundView(new PlaygroundViewModel(), main.presentationProperty()));
        return tabs;
    }

    private static CompareView compareTab(
            StepViewModel main,
            LabModels models,
            Executor worker,
            Executor ui,
            UserPrompts prompts) {
        CompareViewModel vm = new CompareViewModel(models, worker, ui, new FxTicker());
        vm.promptProperty().bindBidirectional(main.promptProperty());
        vm.seedProperty().bindBidirectional(main.seedProperty());
        vm.modelSpecProperty()
                .bind(
                        Bindings.when(main.modelSpecProperty().isEmpty())
                                .then("bundled")
                                .otherwise(main.modelSpecProperty()));
        return new CompareView(vm, prompts, main.presentationProperty());
    }

    private static CacheLabView cacheTab(StepViewModel main, LabModels models, LabTabs tabs) {
        ExecutorService runner = DaemonThreads.single("cache-lab");
        tabs.own(runner);
        // always a real hop: the run is on its own thread even when tests run the rest inline
        CacheLabViewModel vm = new CacheLabViewModel(models, runner, Platform::runLater);
        vm.promptProperty().bind(main.promptProperty());
        return new CacheLabView(vm, main.modelSpecProperty(), main.presentationProperty());
    }

    /**
     * The lab tabs share the step window's open models when it opens engine models; with another
     * opener (a fake in tests) they open their own.
     */
    private static LabModels labModels(Parts parts) {
        return parts.opener() instanceof EngineModels engine
                ? engine.shared()
                : EngineModels::openModel;
    }

    /** The settings to remember from the window's current state. */
    public AppSettings settings(String fallbackModel) {
        String spec = viewModel.modelSpecProperty().get();
        return new AppSettings(
                spec == null || spec.isEmpty() ? fallbackModel : spec,
                viewModel.promptProperty().get(),
                viewModel.seedProperty().get(),
                viewModel.strategy().lastValid(),
                viewModel.topNProperty().get(),
                viewModel.speedProperty().get(),
                scene.getWindow() == null ? scene.getWidth() : scene.getWindow().getWidth(),
                scene.getWindow() == null ? scene.getHeight() : scene.getWindow().getHeight());
    }

    public StepViewModel viewModel() {
        return viewModel;
    }

    public StepView view() {
        return view;
    }

    public Scene scene() {
        return scene;
    }

    /** The compare tab; built on first use. */
    public CompareView compare() {
        return tabs.tab(TabId.COMPARE, CompareView.class);
    }

    /** The KV-cache tab; built on first use. */
    public CacheLabView cache() {
        return tabs.tab(TabId.CACHE, CacheLabView.class);
    }

    /** The playground tab; built on first use. */
    public PlaygroundView playground() {
        return tabs.tab(TabId.PLAYGROUND, PlaygroundView.class);
    }

    /** The menu bar; features add their items to its File menu. */
    public WindowMenu menu() {
        return menu;
    }

    /** Lesson files: Save lesson…, Open lesson…, Recent lessons. */
    public LessonViewModel lessons() {
        return lessons;
    }

    /** The step and compare tabs as lesson files see them. */
    public LessonHost lessonHost() {
        return new WindowLessons(viewModel, tabs);
    }

    /** The Step, Compare, KV cache and Playground tabs. */
    public LabTabs tabs() {
        return tabs;
    }
}
