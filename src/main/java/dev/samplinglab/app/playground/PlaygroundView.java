package dev.samplinglab.app.playground;

import dev.samplinglab.app.chart.ChartStack;
import dev.samplinglab.app.chart.Presentation;
import dev.samplinglab.app.common.LabTab;
import dev.samplinglab.app.step.StatusText;
import dev.samplinglab.app.widgets.ParamRow;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.app.widgets.StrategyEditor;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The logits playground tab: type a logits vector, move the sampling controls and watch the same
 * stage charts as the step window, with every number to 4 decimals. No model involved.
 */
public final class PlaygroundView extends BorderPane implements LabTab {
    private final PlaygroundViewModel vm;
    private final ChartStack charts = new ChartStack();
    private final GridPane table = new GridPane();
    private final Label status = new Label();

    public PlaygroundView(PlaygroundViewModel vm, BooleanProperty presentation) {
        this.vm = vm;
        setId("playground");
        getStyleClass().addAll("lab-view", "playground");
        ScrollPane left = new ScrollPane(controls());
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefViewportWidth(presentation.get() ? 450 : 360);
        presentation.addListener((obs, o, on) -> left.setPrefViewportWidth(on ? 450 : 360));
        setLeft(left);
        charts.setId("pg-charts");
        charts.setPadding(new Insets(4, 8, 0, 4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        table.setId("pg-table");
        table.getStyleClass().add("number-table");
        table.setHgap(14);
        table.setVgap(2);
        table.setPadding(new Insets(6, 10, 8, 10));
        status.setId("pg-status");
        status.getStyleClass().add("status-line");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setPadding(new Insets(2, 10, 2, 10));
        status.setTooltip(StatusText.tooltip());
        VBox centre = new VBox(charts, status, table);
        setCenter(centre);
        vm.traceProperty().addListener((obs, o, t) -> show(t));
        vm.tableProperty().addListener((obs, o, t) -> showTable(t));
        Presentation.follow(this, presentation, charts::setTheme);
        show(vm.traceProperty().get());
        showTable(vm.tableProperty().get());
    }

    private Node controls() {
        TextField logits = field("pg-logits", vm.logitsProperty().get());
        logits.textProperty().addListener((obs, o, n) -> vm.logitsProperty().set(n));
        vm.logitsProperty().addListener((obs, o, n) -> setIfDifferent(logits, n));
        logits.setTooltip(new Tooltip("Numbers, -inf or ln P (the log of a probability)"));
        TextField labels = field("pg-labels", vm.labelsProperty().get());
        labels.textProperty().addListener((obs, o, n) -> vm.labelsProperty().set(n));
        vm.labelsProperty().addListener((obs, o, n) -> setIfDifferent(labels, n));
        Label error = new Label();
        error.setId("pg-error");
        error.getStyleClass().add("param-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        vm.errorProperty()
                .addListener(
                        (obs, o, n) -> {
                            logits.getStyleClass().remove("invalid");
                            if (!n.isEmpty()) {
                                logits.getStyleClass().add("invalid");
                            }
                        });
        Label note = new Label();
        note.setId("pg-note");
        note.getStyleClass().add("example-note");
        note.setWrapText(true);
        note.textProperty().bind(vm.noteProperty());
        note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        ParamRow coin =
                new ParamRow(
                        "pg-coin",
                        "Coin u",
                        "The uniform number the picker turns into a token (inverse CDF)",
                        Scales.COIN,
                        vm.coinProperty());
        VBox box =
                new VBox(
                        6,
                        title("Logits"),
                        logits,
                        error,
                        title("Labels"),
                        labels,
                        title("Tutorial examples"),
                        examples(),
                        note,
                        title("Strategy"),
                        new StrategyEditor(vm.strategy(), "pg-", StrategyEditor.Layout.PLAYGROUND),
                        coin,
                        charts.tableToggle("pg-table-toggle"));
        box.getStyleClass().add("controls");
        box.setPadding(new Insets(8, 10, 8, 10));
        return box;
    }

    private Node examples() {
        FlowPane flow = new FlowPane(4, 4);
        flow.setId("pg-examples");
        for (TutorialExample e : TutorialExample.values()) {
            Button b = new Button(e.label());
            b.setId("example-" + e.name());
            b.setTooltip(new Tooltip(e.note()));
            b.setOnAction(ev -> vm.load(e));
            flow.getChildren().add(b);
        }
        Button reset = new Button("Default vector");
        reset.setId("example-reset");
        reset.setOnAction(ev -> vm.resetAll());
        flow.getChildren().add(reset);
        flow.setPrefWrapLength(330);
        return flow;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        return f;
    }

    private static void setIfDifferent(TextField f, String text) {
        if (!f.getText().equals(text)) {
            f.setText(text);
        }
    }

    private void show(StepTrace trace) {
        charts.show(trace, trace == null ? 0 : trace.displayIds().length);
        status.setText(trace == null ? "" : StatusText.figures(trace, "logits"));
    }

    /** The figures of the draw, named as in the step window's status line. */
    public Label status() {
        return status;
    }

    private void showTable(PlaygroundViewModel.Table t) {
        table.getChildren().clear();
        if (t == null) {
            return;
        }
        List<String> header = t.header();
        for (int c = 0; c < header.size(); c++) {
            Label h = new Label(header.get(c));
            h.getStyleClass().add("table-header");
            table.add(h, c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = new Label(row.get(c));
                cell.setId("pg-cell-" + r + "-" + c);
                cell.getStyleClass().add("table-cell-text");
                table.add(cell, c, r + 1);
            }
        }
    }

    @Override
    public Node node() {
        return this;
    }

    public PlaygroundViewModel viewModel() {
        return vm;
    }

    public ChartStack charts() {
        return charts;
    }

    public GridPane table() {
        return table;
    }

    /** Texts of one table column by header name (tests). */
    public List<String> column(String name) {
        PlaygroundViewModel.Table t = vm.tableProperty().get();
        int c = t.header().indexOf(name);
        return table.getChildren().stream()
                .filter(n -> n.getId() != null && n.getId().endsWith("-" + c))
                .filter(n -> n.getId().startsWith("pg-cell-"))
                .map(n -> ((Label) n).getText())
                .toList();
    }
}
