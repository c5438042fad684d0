package dev.samplinglab.app.chart;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The step charts as a table (the "Table" toggle): token, probability per chart, kept or dropped
 * per filtering chart, and the chosen marker, as text a screen reader reads cell by cell.
 */
public class ChartTableView extends TableView<StageTable.Row> {
    private StageTable table = StageTable.of(List.of());

    public ChartTableView() {
        getStyleClass().add("chart-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getSelectionModel().setCellSelectionEnabled(true);
        getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        setAccessibleText("The charts as a table: one row per token");
        setPlaceholder(new Label("No step shown yet."));
    }

    /** Shows the charts' data; the columns are rebuilt only when the charts change. */
    public void show(List<ChartData> charts) {
        StageTable next = StageTable.of(charts);
        if (!next.columns().equals(table.columns())
                || !next.filters().equals(table.filters())
                || getColumns().isEmpty()) {
            rebuildColumns(next);
        }
        table = next;
        getItems().setAll(next.rows());
    }

    /** The data shown. */
    public StageTable table() {
        return table;
    }

    private void rebuildColumns(StageTable t) {
        getColumns().clear();
        getColumns().add(column("Token", StageTable.Row::token));
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            getColumns()
                    .add(
                            column(
                                    t.columns().get(c) + " p",
                                    r -> String.format(Locale.ROOT, "%.4f", r.probs()[col])));
            if (t.filters().get(c)) {
                getColumns()
                        .add(
                                column(
                                        t.columns().get(c) + ": kept",
                                        r -> r.rest() ? "" : keptText(r.kept()[col])));
            }
        }
        getColumns().add(column("Chosen", r -> r.chosen() ? "chosen" : ""));
    }

    static String keptText(boolean kept) {
        return kept ? "kept" : "dropped";
    }

    private static TableColumn<StageTable.Row, String> column(
            String title, Function<StageTable.Row, String> text) {
        TableColumn<StageTable.Row, String> column = new TableColumn<>(title);
        column.setSortable(false);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        return column;
    }
}
