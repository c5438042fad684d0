package dev.samplinglab.app.chart;

import java.util.List;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * A chart with its token axis, or the same data as a {@link ChartTableView}, switched by a "Table"
 * toggle: for a chart that stands alone (a compare column's final distribution).
 */
public final class ChartTableSwitch extends VBox {
    private final ChartTableView table = new ChartTableView();
    private final ToggleButton toggle = new ToggleButton("Table");
    private final VBox plot;

    /** Ids: {@code prefix + "table"} and {@code prefix + "table-toggle"}. */
    public ChartTableSwitch(StageChart chart, TokenAxis axis, String prefix) {
        plot = new VBox(chart, axis);
        table.setId(prefix + "table");
        table.setPrefHeight(220);
        toggle.setId(prefix + "table-toggle");
        toggle.setTooltip(new Tooltip("This chart's data as a table a screen reader can walk"));
        toggle.selectedProperty().addListener((obs, o, on) -> arrange(on));
        arrange(false);
    }

    private void arrange(boolean tableShown) {
        getChildren().setAll(tableShown ? table : plot);
    }

    /** The charts' data for the table (the chart itself is set by its owner). */
    public void show(List<ChartData> charts) {
        table.show(charts);
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public ChartTableView table() {
        return table;
    }
}
