package dev.samplinglab.app.compare;

import dev.samplinglab.app.chart.ChartData;
import dev.samplinglab.app.chart.ChartDataBuilder;
import dev.samplinglab.app.chart.ChartTableSwitch;
import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.chart.StageChart;
import dev.samplinglab.app.chart.TokenAxis;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.widgets.StrategyEditor;
import dev.samplinglab.app.widgets.TokenStrip;
import dev.samplinglab.app.widgets.Toolbar;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One compare column: its strategy editor, its text as chips shaded by the model's probability of
 * each token, the final distribution of its current step, and its running metrics. The chip where
 * the text left the first column's is outlined.
 */
final class CompareColumnView extends VBox {
    private static final int CHART_TOKENS = 12;
    private final CompareColumn column;
    private final ObservableList<String> prompt;
    private final FlowPane chips = new FlowPane(2, 3);
    private final StageChart chart = new StageChart();
    private final TokenAxis axis = new TokenAxis();
    private final ChartTableSwitch finalView;
    private final boolean reference;
    private final Runnable afterRefresh;
    private final Label divergence = new Label();
    private final GridPane metrics = new GridPane();
    private final Label summary = new Label();

    CompareColumnView(
            CompareColumn column,
            int index,
            ObservableList<String> prompt,
            Runnable remove,
            Runnable afterRefresh) {
        this.column = column;
        this.prompt = prompt;
        this.reference = index == 0;
        this.afterRefresh = afterRefresh;
        setId("column-" + index);
        getStyleClass().add("compare-column");
        setSpacing(4);
        setPadding(new Insets(6));
        setMinWidth(260);
        HBox.setHgrow(this, Priority.ALWAYS);
        String id = "c" + index + "-";
        Label name = new Label(index == 0 ? "Column 1 (reference)" : "Column " + (index + 1));
        name.getStyleClass().add("section-title");
        Button close = new Button("✕");
        close.setId(id + "remove");
        close.setTooltip(new Tooltip("Remove this column (at least two stay)"));
        close.setOnAction(e -> remove.run());
        close.getStyleClass().add("secondary");
        Region grow = Toolbar.spacer();
        finalView = new ChartTableSwitch(chart, axis, id);
        HBox head = new HBox(6, name, grow, finalView.toggle(), close);
        head.setAlignment(Pos.CENTER_LEFT);
        summary.setId(id + "summary");
        summary.getStyleClass().add("strategy-summary");
        summary.setWrapText(true);
        TitledPane strategy =
                new TitledPane(
                        "Strategy",
                        new StrategyEditor(column.strategy(), id, StrategyEditor.Layout.COMPARE));
        strategy.setId(id + "strategy");
        strategy.setExpanded(false);
        strategy.getStyleClass().add("secondary");
        chips.setId(id + "chips");
        chips.setPadding(new Insets(4));
        ScrollPane text = new ScrollPane(chips);
        text.setFitToWidth(true);
        text.setPrefViewportHeight(150);
        text.getStyleClass().add("compare-text");
        chips.heightProperty().addListener((obs, o, n) -> text.setVvalue(text.getVmax()));
        chart.setId(id + "final-chart");
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        divergence.setId(id + "divergence");
        divergence.getStyleClass().add("divergence");
        metrics.setId(id + "metrics");
        metrics.getStyleClass().add("metrics");
        metrics.setHgap(10);
        axis.setId(id + "final-axis");
        getChildren().addAll(head, summary, strategy, text, divergence, finalView, metrics);
        VBox.setVgrow(text, Priority.ALWAYS);
        column.history().addListener((ListChangeListener<StepResult>) c -> refresh());
        prompt.addListener((ListChangeListener<String>) c -> refresh());
        column.strategy().revisionProperty().addListener((obs, o, n) -> showSummary());
        column.divergenceProperty().addListener((obs, o, n) -> refresh());
        showSummary();
        refresh();
    }

    private void showSummary() {
        try {
            summary.setText(column.strategy().settings().describe());
        } catch (IllegalArgumentException e) {
            summary.setText(e.getMessage());
        }
    }

    void setTheme(ChartTheme theme) {
        chart.setTheme(theme);
        axis.setTheme(theme);
        chart.setPrefHeight(170 * theme.scale());
        chart.setMinHeight(140 * theme.scale());
    }

    private void refresh() {
        showSummary();
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (String piece : prompt) {
            Label p = new Label(piece);
            p.getStyleClass().addAll("chip", "prompt-chip");
            nodes.add(p);
        }
        int d = column.divergenceProperty().get();
        for (StepResult s : column.history()) {
            nodes.add(chip(s, s.index() == d));
        }
        chips.getChildren().setAll(nodes);
        List<StepResult> h = column.history();
        if (h.isEmpty()) {
            chart.setVisible(false);
            axis.setPieces(List.of(), -1);
            finalView.show(List.of());
        } else {
            List<ChartData> data =
                    ChartDataBuilder.build(h.get(h.size() - 1).trace(), CHART_TOKENS);
            ChartData last = data.get(data.size() - 1);
            chart.setData(last);
            axis.setPieces(last.pieces(), last.chosenIndex());
            finalView.show(List.of(last));
            chart.setVisible(true);
        }
        divergence.setText(divergenceText(d, h.isEmpty()));
        showMetrics(column.metricsProperty().get());
        afterRefresh.run();
    }

    private String divergenceText(int d, boolean empty) {
        if (reference) {
            return "the reference: the other columns are compared with this one";
        }
        if (d >= 0) {
            return "diverged from column 1 at step " + (d + 1);
        }
        return empty ? "" : "same text as column 1 so far";
    }

    private Label chip(StepResult s, boolean diverged) {
        Label chip = new Label(s.piece());
        chip.getStyleClass().addAll("chip", "token-chip");
        if (diverged) {
            chip.getStyleClass().add("diverged");
        }
        TokenStrip.shade(chip, s);
        chip.setOnMouseEntered(
                e -> {
                    if (chip.getTooltip() == null) {
                        Tooltip tip = new Tooltip(TokenStrip.alternativesText(s));
                        tip.getStyleClass().add("mono-tooltip");
                        chip.setTooltip(tip);
                    }
                });
        return chip;
    }

    private void showMetrics(RunMetrics m) {
        metrics.getChildren().clear();
        for (int r = 0; r < MetricRows.ALL.size(); r++) {
            MetricRows.Row row = MetricRows.ALL.get(r);
            row(r, row.name(), row.explanation(), row.format(m));
        }
    }

    private void row(int r, String name, String explanation, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("metric-name");
        n.setTooltip(metricTip(explanation));
        Label v = new Label(value);
        v.getStyleClass().add("metric-value");
        v.setTooltip(metricTip(explanation));
        v.setId(getId() + "-metric-" + r);
        metrics.add(n, 0, r);
        metrics.add(v, 1, r);
    }

    private static Tooltip metricTip(String explanation) {
        Tooltip tip = new Tooltip(explanation);
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDuration(javafx.util.Duration.seconds(30));
        return tip;
    }

    FlowPane chips() {
        return chips;
    }

    StageChart chart() {
        return chart;
    }

    TokenAxis axis() {
        return axis;
    }

    Label divergenceLabel() {
        return divergence;
    }
}
