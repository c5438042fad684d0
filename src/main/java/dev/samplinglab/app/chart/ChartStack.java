package dev.samplinglab.app.chart;

import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The centre of the step window: one {@link StageChart} per active stage, stacked over the same
 * display tokens, and the token axis underneath.
 */
public class ChartStack extends VBox {
    private final List<StageChart> charts = new ArrayList<>();
    private final TokenAxis axis = new TokenAxis();
    private final Label empty = new Label("Press → (Step) to decode the next token.");
    private final Label banner = new Label();
    private ChartTheme theme = ChartTheme.NORMAL;
    private IntConsumer onFinalBarClicked = i -> {};
    private final javafx.beans.property.BooleanProperty fitEach =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private List<ChartData> shownData = List.of();
    private final ChartTableView table = new ChartTableView();
    private final javafx.beans.property.BooleanProperty tableShown =
            new javafx.beans.property.SimpleBooleanProperty(false);

    public ChartStack() {
        getStyleClass().add("chart-stack");
        setSpacing(2);
        empty.getStyleClass().add("empty-hint");
        empty.setMaxWidth(Double.MAX_VALUE);
        empty.setMaxHeight(Double.MAX_VALUE);
        empty.setAlignment(Pos.CENTER);
        VBox.setVgrow(empty, Priority.ALWAYS);
        getChildren().add(empty);
        fitEach.addListener((obs, o, n) -> applyScale());
        banner.setId("past-step-banner");
        banner.getStyleClass().add("past-step-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        table.setId("chart-table");
        idProperty().addListener((obs, o, id) -> table.setId(id + "-table"));
        VBox.setVgrow(table, Priority.ALWAYS);
        tableShown.addListener((obs, o, n) -> arrange());
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, this::tableKey);
    }

    /** T toggles the table (the key reaches the stack when it or its table has the focus). */
    private void tableKey(javafx.scene.input.KeyEvent e) {
        if (e.getCode() == javafx.scene.input.KeyCode.T
                && !e.isShortcutDown()
                && !e.isAltDown()
                && !charts.isEmpty()) {
            tableShown.set(!tableShown.get());
            // the keyboard user lands in the table to walk it, and back on the charts after
            javafx.scene.Node focus = tableShown.get() ? table : this;
            focus.requestFocus();
            e.consume();
        }
    }

    /**
     * On: the stack shows its data as a table ({@link ChartTableView}) instead of the charts; the
     * charts keep their data and return when it is switched off.
     */
    public javafx.beans.property.BooleanProperty tableShownProperty() {
        return tableShown;
    }

    public ChartTableView table() {
        return table;
    }

    /** A "Table" toggle button bound to {@link #tableShownProperty()} (T on the charts). */
    public javafx.scene.control.ToggleButton tableToggle(String id) {
        javafx.scene.control.ToggleButton toggle = new javafx.scene.control.ToggleButton("_Table");
        toggle.setId(id);
        toggle.setMnemonicParsing(true);
        toggle.selectedProperty().bindBidirectional(tableShown);
        toggle.setTooltip(
                new javafx.scene.control.Tooltip(
                        "Show the charts as a table a screen reader can walk (T on the charts)"));
        return toggle;
    }

    /** Shows a step over its first n display tokens; null clears the stack. */
    public void show(StepTrace trace, int n) {
        if (trace == null) {
            charts.clear();
            table.show(List.of());
            getChildren().setAll(empty);
            return;
        }
        List<ChartData> data = ChartDataBuilder.build(trace, n);
        resize(data.size());
        shownData = data;
        for (int i = 0; i < data.size(); i++) {
            charts.get(i).setData(data.get(i));
        }
        table.show(data);
        applyScale();
        ChartData last = data.get(data.size() - 1);
        axis.setPieces(last.pieces(), last.chosenIndex());
    }

    private void resize(int count) {
        if (charts.size() == count
                && (getChildren().contains(axis) || getChildren().contains(table))) {
            return;
        }
        while (charts.size() < count) {
            StageChart chart = new StageChart();
            chart.setTheme(theme);
            VBox.setVgrow(chart, Priority.ALWAYS);
            charts.add(chart);
        }
        while (charts.size() > count) {
            charts.remove(charts.size() - 1);
        }
        charts.forEach(c -> c.setOnBarClicked(i -> {}));
        charts.get(count - 1).setOnBarClicked(i -> onFinalBarClicked.accept(i));
        arrange();
    }

    /** The banner (when set), then the charts and their axis, or the table in their place. */
    private void arrange() {
        if (charts.isEmpty()) {
            return;
        }
        List<javafx.scene.Node> nodes = new ArrayList<>();
        if (!banner.getText().isEmpty()) {
            nodes.add(banner);
        }
        if (tableShown.get()) {
            nodes.add(table);
        } else {
            nodes.addAll(charts);
            nodes.add(axis);
        }
        getChildren().setAll(nodes);
    }

    /**
     * A line over the charts saying whose settings they show (a past step as it was drawn); empty
     * hides it.
     */
    public void setBanner(String text) {
        banner.setText(text);
        boolean shown = getChildren().contains(banner);
        if (text.isEmpty() && shown) {
            getChildren().remove(banner);
        } else if (!text.isEmpty() && !shown && !charts.isEmpty()) {
            getChildren().add(0, banner);
        }
    }

    public Label banner() {
        return banner;
    }

    /**
     * Off (the default): every chart of the stack uses one probability scale, so a flat
     * distribution never looks taller than a sharp one. On: each chart fits its own data.
     */
    public javafx.beans.property.BooleanProperty fitEachProperty() {
        return fitEach;
    }

    private void applyScale() {
        double shared = fitEach.get() ? Double.NaN : ChartScale.sharedMax(shownData);
        charts.forEach(c -> c.setSharedMax(shared));
    }

    public List<StageChart> charts() {
        return List.copyOf(charts);
    }

    /** The chart of a kind ("raw", "top_k", "top_p", "final", ...), or null. */
    public StageChart chart(String kind) {
        for (StageChart c : charts) {
            if (c.data() != null && c.data().kind().equals(kind)) {
                return c;
            }
        }
        return null;
    }

    public TokenAxis axis() {
        return axis;
    }

    public void setTheme(ChartTheme theme) {
        this.theme = theme;
        setSpacing(theme.projector() ? 0 : 2);
        charts.forEach(c -> c.setTheme(theme));
        axis.setTheme(theme);
    }

    /** Called with the display index of a bar clicked in the final chart (to branch). */
    public void setOnFinalBarClicked(IntConsumer handler) {
        this.onFinalBarClicked = handler;
    }
}
