package dev.samplinglab.app.compare;

import dev.samplinglab.app.chart.Palette;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * The beam-search column of the compare view: its beams and length penalty, the best sequence as
 * chips shaded by the model's probability, its status (steps, stop, cache memory) and the same
 * metrics as the sampling columns.
 */
final class BeamColumnView extends VBox {
    private final BeamColumn column;
    private final ObservableList<String> prompt;
    private final FlowPane chips = new FlowPane(2, 3);
    private final Label status = new Label();
    private final GridPane metrics = new GridPane();

    BeamColumnView(BeamColumn column, ObservableList<String> prompt) {
        this.column = column;
        this.prompt = prompt;
        setId("beam-column");
        getStyleClass().add("compare-column");
        setSpacing(4);
        setPadding(new Insets(6));
        setMinWidth(260);
        HBox.setHgrow(this, Priority.ALWAYS);
        Label name = new Label("Beam search");
        name.getStyleClass().add("section-title");
        Spinner<Integer> beams = new Spinner<>(2, 16, column.numBeamsProperty().get());
        beams.setId("bc-beams");
        beams.setPrefWidth(70);
        beams.valueProperty().addListener((o, a, n) -> column.numBeamsProperty().set(n));
        Spinner<Double> lp = new Spinner<>(-3.0, 3.0, column.lengthPenaltyProperty().get(), 0.1);
        lp.setId("bc-length-penalty");
        lp.setPrefWidth(80);
        lp.valueProperty().addListener((o, a, n) -> column.lengthPenaltyProperty().set(n));
        HBox settings = new HBox(6, new Label("beams"), beams, new Label("length penalty"), lp);
        settings.setAlignment(Pos.CENTER_LEFT);
        Label summary =
                new Label(
                        "Deterministic: the best beam so far, then the best finished sequence"
                                + " (early stopping false, as Hugging Face's default)");
        summary.getStyleClass().add("strategy-summary");
        summary.setWrapText(true);
        chips.setId("bc-chips");
        chips.setPadding(new Insets(4));
        ScrollPane text = new ScrollPane(chips);
        text.setFitToWidth(true);
        text.setPrefViewportHeight(150);
        text.getStyleClass().add("compare-text");
        status.setId("bc-status");
        status.setWrapText(true);
        metrics.setId("bc-metrics");
        metrics.getStyleClass().add("metrics");
        metrics.setHgap(10);
        getChildren().addAll(name, settings, summary, text, status, metrics);
        VBox.setVgrow(text, Priority.ALWAYS);
        column.stateProperty().addListener((obs, o, n) -> refresh());
        prompt.addListener((ListChangeListener<String>) c -> refresh());
        refresh();
    }

    private void refresh() {
        BeamColumn.State s = column.stateProperty().get();
        List<Node> nodes = new ArrayList<>();
        for (String piece : prompt) {
            Label p = new Label(piece);
            p.getStyleClass().addAll("chip", "prompt-chip");
            nodes.add(p);
        }
        for (int i = 0; i < s.tokens().length; i++) {
            nodes.add(chip(s.pieces().get(i), Math.exp(s.logProbs()[i])));
        }
        chips.getChildren().setAll(nodes);
        status.setText(s.status());
        showMetrics(column.metricsProperty().get());
    }

    private static Label chip(String piece, double p) {
        Label chip = new Label(piece);
        chip.getStyleClass().addAll("chip", "token-chip");
        Color fill = Palette.cividis(p);
        chip.setStyle(
                "-fx-background-color: %s; -fx-text-fill: %s;"
                        .formatted(Palette.hex(fill), Palette.hex(Palette.textOn(fill))));
        chip.setTooltip(new Tooltip(String.format(Locale.ROOT, "p = %.3f under the model", p)));
        return chip;
    }

    private void showMetrics(RunMetrics m) {
        metrics.getChildren().clear();
        for (int r = 0; r < MetricRows.ALL.size(); r++) {
            MetricRows.Row row = MetricRows.ALL.get(r);
            Label n = new Label(row.name());
            n.getStyleClass().add("metric-name");
            n.setTooltip(new Tooltip(row.explanation()));
            Label v = new Label(row.format(m));
            v.getStyleClass().add("metric-value");
            v.setId("bc-metric-" + r);
            metrics.add(n, 0, r);
            metrics.add(v, 1, r);
        }
    }

    FlowPane chips() {
        return chips;
    }
}
