package dev.samplinglab.app;

import dev.samplinglab.app.cachelab.CacheLabView;
import dev.samplinglab.app.cachelab.CacheLabViewModel;
import dev.samplinglab.app.common.FxTicker;
import dev.samplinglab.app.common.KeyCommands;
import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.compare.CompareView;
import dev.samplinglab.app.compare.CompareViewModel;
import dev.samplinglab.app.playground.PlaygroundView;
import dev.samplinglab.app.playground.PlaygroundViewModel;
import dev.samplinglab.app.step.StepView;
import dev.samplinglab.app.step.StepViewModel;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's tabs: "Step" (the step window) next to "Compare", "KV cache" and "Playground". The
 * keyboard commands go to the selected tab. The compare tab shares the step window's model worker,
 * prompt, seed and model; the cache lab runs on its own thread so a long run never holds up
 * stepping.
 */
public final class LabTabs extends TabPane implements KeyCommands.Actions {
    public static final String STYLESHEET = "/dev/samplinglab/app/lab.css";
    private static final int COMPARE = 1;
    private static final int CACHE = 2;
    private static final int PLAYGROUND = 3;
    private final StepView step;
    private final StepViewModel main;
    private final LabModels models;
    private final Executor worker;
    private final Executor ui;
    private final UserPrompts prompts;
    private CompareViewModel compareVm;
    private CacheLabViewModel cacheVm;
    private PlaygroundViewModel playgroundVm;
    private CompareView compare;
    private CacheLabView cache;
    private PlaygroundView playground;
    private ExecutorService cacheRunner;

    /**
     * Builds the step tab; each lab tab's content (and its view model) is built on the first
     * selection of its tab, or when it is first asked for, so start-up only pays for the step
     * window.
     *
     * @param step the step window
     * @param main its view model
     * @param models opens models for the compare and cache tabs (on their threads)
     * @param worker the model worker shared with the step window
     * @param ui hops to the UI thread
     * @param prompts dialogs
     */
    public LabTabs(
            StepView step,
            StepViewModel main,
            LabModels models,
            Executor worker,
            Executor ui,
            UserPrompts prompts) {
        this.step = step;
        this.main = main;
        this.models = models;
        this.worker = worker;
        this.ui = ui;
        this.prompts = prompts;
        setId("tabs");
        getStyleClass().add("lab-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs()
                .addAll(
                        tab("tab-step", "Step", step),
                        tab("tab-compare", "Compare", null),
                        tab("tab-cache", "KV cache", null),
                        tab("tab-playground", "Playground", null));
        getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> build(n.intValue()));
        main.presentationProperty().addListener((obs, o, on) -> showPresentation(on));
        showPresentation(main.presentationProperty().get());
    }

    /** Large tab labels on a projector, like the rest of presentation mode. */
    private void showPresentation(boolean on) {
        getStyleClass().remove("presentation");
        if (on) {
            getStyleClass().add("presentation");
        }
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
    }

    /**
     * Builds every lab tab's content now (tests that look up nodes on every tab). Like the
     * accessors below, which build their tab on first use: FX thread only.
     */
    public void buildAll() {
        for (int i = COMPARE; i <= PLAYGROUND; i++) {
            build(i);
        }
    }

    private void build(int index) {
        switch (index) {
            case COMPARE -> compare();
            case CACHE -> cache();
            case PLAYGROUND -> playground();
            default -> {}
        }
    }

    private void buildCompare() {
        compareVm = new CompareViewModel(models, worker, ui, new FxTicker());
        compareVm.promptProperty().bindBidirectional(main.promptProperty());
        compareVm.seedProperty().bindBidirectional(main.seedProperty());
        compareVm
                .modelSpecProperty()
                .bind(
                        javafx.beans.binding.Bindings.when(main.modelSpecProperty().isEmpty())
                                .then("bundled")
                                .otherwise(main.modelSpecProperty()));
        compare = new CompareView(compareVm, prompts, main.presentationProperty());
        getTabs().get(COMPARE).setContent(compare);
    }

    private void buildCache() {
        cacheRunner =
                Executors.newSingleThreadExecutor(
                        r -> {
                            Thread t = new Thread(r, "cache-lab");
                            t.setDaemon(true);
                            return t;
                        });
        // always a real hop: the run is on its own thread even when tests run the rest inline
        cacheVm = new CacheLabViewModel(models, cacheRunner, javafx.application.Platform::runLater);
        cacheVm.promptProperty().bind(main.promptProperty());
        cache = new CacheLabView(cacheVm, main.modelSpecProperty(), main.presentationProperty());
        getTabs().get(CACHE).setContent(cache);
    }

    private void buildPlayground() {
        playgroundVm = new PlaygroundViewModel();
        playground = new PlaygroundView(playgroundVm, main.presentationProperty());
        getTabs().get(PLAYGROUND).setContent(playground);
    }

    /** Selects a tab by view name: step, compare, cache or playground. */
    public void show(String view) {
        int i =
                switch (view) {
                    case "step" -> 0;
                    case "compare" -> 1;
                    case "cache" -> 2;
                    case "playground" -> 3;
                    default ->
                            throw new IllegalArgumentException(
                                    "view must be step, compare, cache or playground (got "
                                            + view
                                            + ")");
                };
        getSelectionModel().select(i);
    }

    private int selected() {
        return getSelectionModel().getSelectedIndex();
    }

    // ---- keyboard: to the selected tab -----------------------------------------------------

    @Override
    public void step() {
        switch (selected()) {
            case 0 -> step.step();
            case 1 -> compare().step();
            default -> {}
        }
    }

    @Override
    public void back() {
        switch (selected()) {
            case 0 -> step.back();
            case 1 -> compare().back();
            default -> {}
        }
    }

    @Override
    public void toggleRun() {
        switch (selected()) {
            case 0 -> step.toggleRun();
            case 1 -> compare().toggleRun();
            case 2 -> {
                CacheLabViewModel vm = cacheViewModel();
                if (vm.runningProperty().get()) {
                    vm.cancel();
                } else {
                    vm.start();
                }
            }
            default -> {}
        }
    }

    @Override
    public void reset() {
        switch (selected()) {
            case 0 -> step.reset();
            case 1 -> compare().reset();
            default -> {}
        }
    }

    @Override
    public void togglePresentation() {
        step.togglePresentation();
    }

    @Override
    public void exportPng() {
        switch (selected()) {
            case 0 -> step.exportPng();
            case 1 -> compare().exportPng();
            default -> {}
        }
    }

    @Override
    public void exportCsv() {
        switch (selected()) {
            case 0 -> step.exportCsv();
            case 1 -> compare().exportCsv();
            default -> {}
        }
    }

    @Override
    public void exportJson() {
        if (selected() == 0) {
            step.exportJson();
        }
    }

    @Override
    public void openBranchMenu() {
        if (selected() == 0) {
            step.openBranchMenu();
        }
    }

    /** Stops the lab work and closes the models of the tabs that were built. */
    public void shutdown() {
        if (compareVm != null) {
            compareVm.shutdown();
        }
        if (cacheVm != null) {
            cacheVm.shutdown();
            cacheRunner.shutdown();
        }
    }

    /**
     * Waits until the cache lab's thread (if it was built) has stopped after {@link #shutdown()}.
     */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return cacheRunner == null
                || cacheRunner.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Whether a lab tab's content has been built yet (view: compare, cache or playground). */
    public boolean isBuilt(String view) {
        return switch (view) {
            case "compare" -> compare != null;
            case "cache" -> cache != null;
            case "playground" -> playground != null;
            default -> true;
        };
    }

    /** The compare tab's view model; builds the tab if it was not built yet. */
    public CompareViewModel compareViewModel() {
        compare();
        return compareVm;
    }

    /** The cache lab's view model; builds the tab if it was not built yet. */
    public CacheLabViewModel cacheViewModel() {
        cache();
        return cacheVm;
    }

    /** The playground's view model; builds the tab if it was not built yet. */
    public PlaygroundViewModel playgroundViewModel() {
        playground();
        return playgroundVm;
    }

    /** The compare tab; built on first use. */
    public CompareView compare() {
        if (compare == null) {
            buildCompare();
        }
        return compare;
    }

    /** The KV-cache tab; built on first use. */
    public CacheLabView cache() {
        if (cache == null) {
            buildCache();
        }
        return cache;
    }

    /** The playground tab; built on first use. */
    public PlaygroundView playground() {
        if (playground == null) {
            buildPlayground();
        }
        return playground;
    }
}
