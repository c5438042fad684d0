package dev.samplinglab.app;

import dev.samplinglab.app.common.LabTab;
import dev.samplinglab.app.common.TabId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's tabs, each a {@link LabTab} built on the first selection of its tab (or when it is
 * first asked for), so start-up only pays for the first one. {@link MainWindow} decides what each
 * tab is; this class only shows them, builds them lazily and stops them.
 */
public final class LabTabs extends TabPane {
    public static final String STYLESHEET = "/dev/samplinglab/app/lab.css";
    private final Map<TabId, Supplier<LabTab>> factories = new EnumMap<>(TabId.class);
    private final Map<TabId, LabTab> built = new EnumMap<>(TabId.class);
    private final Map<TabId, Tab> tabs = new EnumMap<>(TabId.class);
    private final List<ExecutorService> threads = new ArrayList<>();

    /** Large tab labels while {@code presentation} is on, like the rest of presentation mode. */
    public LabTabs(ObservableBooleanValue presentation) {
        setId("tabs");
        getStyleClass().add("lab-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getSelectionModel()
                .selectedItemProperty()
                .addListener(
                        (obs, o, n) -> {
                            if (n != null) {
                                focusHome(tab((TabId) n.getUserData()));
                            }
                        });
        presentation.addListener((obs, o, on) -> showPresentation(on));
        showPresentation(presentation.get());
    }

    /**
     * The keys go to the tab just shown: its key home takes the focus, not whichever control of the
     * tab comes first in the focus order.
     */
    private static void focusHome(LabTab tab) {
        javafx.scene.Node home = tab.keyHome();
        if (home != null) {
            javafx.application.Platform.runLater(home::requestFocus);
        }
    }

    /** Adds a tab whose content {@code factory} builds on first use (FX thread). */
    public void add(TabId id, Supplier<LabTab> factory) {
        Tab tab = new Tab(id.title());
        tab.setId(id.nodeId());
        tab.setUserData(id);
        factories.put(id, factory);
        tabs.put(id, tab);
        getTabs().add(tab);
    }

    /** A thread started for one of the tabs: shut down with the tabs. */
    public void own(ExecutorService thread) {
        threads.add(thread);
    }

    private void showPresentation(boolean on) {
        getStyleClass().remove("presentation");
        if (on) {
            getStyleClass().add("presentation");
        }
        // with the style sheet's folded header: the tabs themselves take no height either
        setTabMaxHeight(on ? 0 : Double.MAX_VALUE);
        setTabMinHeight(on ? 0 : -1);
    }

    /** The tab shown now (built if it was not), the one the keyboard commands go to. */
    public LabTab selected() {
        Tab tab = getSelectionModel().getSelectedItem();
        return tab((TabId) tab.getUserData());
    }

    /** The tab {@code id}; builds it if it was not built yet. */
    public LabTab tab(TabId id) {
        LabTab tab = built.get(id);
        if (tab == null) {
            tab = factories.get(id).get();
            built.put(id, tab);
            tabs.get(id).setContent(tab.node());
        }
        return tab;
    }

    /** The tab {@code id} as its type. */
    public <T extends LabTab> T tab(TabId id, Class<T> type) {
        return type.cast(tab(id));
    }

    /** Builds every tab now (tests that look up nodes on every tab). */
    public void buildAll() {
        factories.keySet().forEach(this::tab);
    }

    /** Selects the tab {@code id}. */
    public void show(TabId id) {
        getSelectionModel().select(tabs.get(id));
    }

    /** Whether the tab's content has been built yet. */
    public boolean isBuilt(TabId id) {
        return built.containsKey(id);
    }

    /** Stops the work of the tabs that were built and their threads. */
    public void shutdown() {
        built.values().forEach(LabTab::shutdown);
        threads.forEach(ExecutorService::shutdown);
    }

    /** Waits until the tabs' own threads have stopped after {@link #shutdown()}. */
    public boolean awaitTermination(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (ExecutorService t : threads) {
            long left = end - System.nanoTime();
            if (!t.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
