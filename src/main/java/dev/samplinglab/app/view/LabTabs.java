package dev.samplinglab.app.view;

import dev.samplinglab.app.viewmodel.CacheLabViewModel;
import dev.samplinglab.app.viewmodel.CompareViewModel;
import dev.samplinglab.app.viewmodel.LabModels;
import dev.samplinglab.app.viewmodel.MainViewModel;
import dev.samplinglab.app.viewmodel.PlaygroundViewModel;
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
    private final MainView step;
    private final MainViewModel main;
    private final CompareViewModel compareVm;
    private final CacheLabViewModel cacheVm;
    private final PlaygroundViewModel playgroundVm = new PlaygroundViewModel();
    private final CompareView compare;
    private final CacheLabView cache;
    private final PlaygroundView playground;
    private final ExecutorService cacheRunner;

    /**
     * @param step the step window
     * @param main its view model
     * @param models opens models for the compare and cache tabs (on their threads)
     * @param worker the model worker shared with the step window
     * @param ui hops to the UI thread
     * @param prompts dialogs
     */
    public LabTabs(
            MainView step,
            MainViewModel main,
            LabModels models,
            Executor worker,
            Executor ui,
            UserPrompts prompts) {
        this.step = step;
        this.main = main;
        setId("tabs");
        getStyleClass().add("lab-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        compareVm = new CompareViewModel(models, worker, ui, new FxTicker());
        compareVm.promptProperty().bindBidirectional(main.promptProperty());
        compareVm.seedProperty().bindBidirectional(main.seedProperty());
        compareVm
                .modelSpecProperty()
                .bind(
                        javafx.beans.binding.Bindings.when(main.modelSpecProperty().isEmpty())
                                .then("bundled")
                                .otherwise(main.modelSpecProperty()));
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
        compare = new CompareView(compareVm, prompts, main.presentationProperty());
        cache = new CacheLabView(cacheVm, main.modelSpecProperty(), main.presentationProperty());
        playground = new PlaygroundView(playgroundVm, main.presentationProperty());
        getTabs()
                .addAll(
                        tab("tab-step", "Step", step),
                        tab("tab-compare", "Compare", compare),
                        tab("tab-cache", "KV cache", cache),
                        tab("tab-playground", "Playground", playground));
    }

    private static Tab tab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        return t;
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
            case 1 -> compare.step();
            default -> {}
        }
    }

    @Override
    public void back() {
        switch (selected()) {
            case 0 -> step.back();
            case 1 -> compare.back();
            default -> {}
        }
    }

    @Override
    public void toggleRun() {
        switch (selected()) {
            case 0 -> step.toggleRun();
            case 1 -> compare.toggleRun();
            case 2 -> {
                if (cacheVm.runningProperty().get()) {
                    cacheVm.cancel();
                } else {
                    cacheVm.start();
                }
            }
            default -> {}
        }
    }

    @Override
    public void reset() {
        switch (selected()) {
            case 0 -> step.reset();
            case 1 -> compare.reset();
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
            case 1 -> compare.exportPng();
            default -> {}
        }
    }

    @Override
    public void exportCsv() {
        switch (selected()) {
            case 0 -> step.exportCsv();
            case 1 -> compare.exportCsv();
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

    /** Stops the lab work and closes its models. */
    public void shutdown() {
        compareVm.shutdown();
        cacheVm.shutdown();
        cacheRunner.shutdown();
    }

    /** Waits until the cache lab's thread has stopped after {@link #shutdown()}. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        return cacheRunner.awaitTermination(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public CompareViewModel compareViewModel() {
        return compareVm;
    }

    public CacheLabViewModel cacheViewModel() {
        return cacheVm;
    }

    public PlaygroundViewModel playgroundViewModel() {
        return playgroundVm;
    }

    public CompareView compare() {
        return compare;
    }

    public CacheLabView cache() {
        return cache;
    }

    public PlaygroundView playground() {
        return playground;
    }
}
