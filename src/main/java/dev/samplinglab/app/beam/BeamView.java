package dev.samplinglab.app.beam;

import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.BeamStop;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The step window's centre when the strategy is beam search: the settings and the greedy-versus-
 * best-beam line on top, the tree in the middle, the finished hypotheses (raw and length-penalised
 * scores) on the right and the status line (beams, finished, KV-cache memory) at the bottom.
 */
public final class BeamView extends BorderPane {
    private final BeamTreeView tree = new BeamTreeView();
    private final Label summary = new Label();
    private final Label contrast = new Label();
    private final VBox finished = new VBox(4);
    private final Label status = new Label();
    private final ScrollPane scroll = new ScrollPane(tree);
    private int shownSteps;

    public BeamView(BeamViewModel vm) {
        setId("beam-view");
        getStyleClass().add("beam-view");
        summary.setId("beam-summary");
        contrast.setId("beam-contrast");
        contrast.setWrapText(true);
        VBox head = new VBox(2, summary, contrast);
        head.setPadding(new Insets(6, 10, 4, 10));
        setTop(head);
        scroll.setId("beam-scroll");
        scroll.setPannable(true);
        setCenter(scroll);
        finished.setId("beam-finished");
        finished.setPadding(new Insets(6, 10, 6, 10));
        finished.setPrefWidth(250);
        ScrollPane right = new ScrollPane(finished);
        right.setFitToWidth(true);
        right.setPrefViewportWidth(250);
        setRight(right);
        status.setId("beam-status");
        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(2, 10, 4, 10));
        status.setWrapText(true);
        setBottom(status);
        vm.snapshotProperty().addListener((obs, o, n) -> show(n));
        vm.errorProperty().addListener((obs, o, n) -> show(vm.snapshotProperty().get()));
        show(vm.snapshotProperty().get());
    }

    private void show(BeamSnapshot snap) {
        tree.show(snap);
        if (snap.stepCount() > shownSteps) {
            scroll.setHvalue(scroll.getHmax()); // follow the newest column
        }
        shownSteps = snap.stepCount();
        summary.setText(summaryText(snap.settings()));
        contrast.setText(contrastText(snap));
        contrast.setStyle(snap.greedyMissStep() >= 0 ? "-fx-text-fill: #b34700;" : "");
        showFinished(snap);
        status.setText(statusText(snap));
    }

    static String summaryText(BeamSettings s) {
        if (s == null) {
            return "";
        }
        return String.format(
                Locale.ROOT,
                "Beam search: %d beams · length penalty %.2f · early stopping %s%s · up to %d"
                        + " tokens",
                s.numBeams(),
                s.lengthPenalty(),
                s.earlyStopping().label(),
                s.noRepeatNgramSize() > 0
                        ? " · no repeated " + s.noRepeatNgramSize() + "-grams"
                        : "",
                s.maxNewTokens());
    }

    /** Best beam against greedy at the same length, and the "greedy misses" moment. */
    static String contrastText(BeamSnapshot snap) {
        int n = snap.stepCount();
        if (n == 0) {
            return "Step (→) to expand the beams; greedy decoding runs alongside for contrast.";
        }
        int greedyLength = Math.min(n, snap.greedyTokens().length);
        String line =
                String.format(
                        Locale.ROOT,
                        "Best beam: log p = %.3f over %d tokens · greedy: log p = %.3f over %d"
                                + " tokens",
                        snap.bestBeamLogProb(),
                        n,
                        snap.greedyLogProb(greedyLength),
                        greedyLength);
        int miss = snap.greedyMissStep();
        return miss < 0
                ? line
                : line
                        + String.format(
                                Locale.ROOT,
                                "  ★ from step %d greedy misses the likelier sentence",
                                miss + 1);
    }

    private void showFinished(BeamSnapshot snap) {
        finished.getChildren().clear();
        Label title = new Label("Finished hypotheses");
        title.getStyleClass().add("section-title");
        title.setStyle("-fx-font-weight: bold;");
        finished.getChildren().add(title);
        List<Hypothesis> hyps = snap.finished();
        if (hyps.isEmpty()) {
            finished.getChildren().add(new Label("none yet"));
        }
        double lp = snap.settings() == null ? 1 : snap.settings().lengthPenalty();
        for (int i = 0; i < hyps.size(); i++) {
            Hypothesis h = hyps.get(i);
            String text = snap.finishedTexts().size() > i ? snap.finishedTexts().get(i) : "";
            Label row =
                    new Label(
                            String.format(
                                    Locale.ROOT,
                                    "%d. %s%n   log p %.3f · %d tokens%s · score %.3f",
                                    i + 1,
                                    ellipsis(text, 60),
                                    h.sumLogProbs(),
                                    h.length(),
                                    h.eos() ? " (EOS)" : "",
                                    h.score()));
            row.setWrapText(true);
            row.setTooltip(
                    new Tooltip(
                            String.format(
                                    Locale.ROOT,
                                    "%s%nscore = %.3f / %d^%.2f = %.3f",
                                    text,
                                    h.sumLogProbs(),
                                    h.length(),
                                    lp,
                                    h.score())));
            if (i == 0) {
                row.setStyle("-fx-font-weight: bold;");
            }
            finished.getChildren().add(row);
        }
        VBox.setVgrow(finished, Priority.ALWAYS);
    }

    /** Steps, beams, finished, why it stopped and the beams' KV-cache memory. */
    static String statusText(BeamSnapshot snap) {
        BeamSettings s = snap.settings();
        if (s == null) {
            return "";
        }
        BeamStop stop = snap.stop();
        String state =
                switch (stop) {
                    case NONE -> "running";
                    case LENGTH -> "ended: max new tokens";
                    case EARLY_STOPPING -> "ended: early stopping (all beams finished)";
                    case NO_IMPROVEMENT -> "ended: no beam can beat the finished ones";
                    case ALL_ENDED -> "ended: every candidate ended";
                    case CANCELLED -> "cancelled";
                };
        return String.format(
                Locale.ROOT,
                "step %d · %d beams · %d finished · %s · KV cache %d beams × %d positions = %s",
                snap.stepCount(),
                s.numBeams(),
                snap.finished().size(),
                state,
                s.numBeams(),
                snap.cachePositions(),
                megabytes(snap.cacheBytes()));
    }

    static String megabytes(long bytes) {
        return bytes < 1024 * 1024
                ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024));
    }

    private static String ellipsis(String s, int max) {
        String flat = s.replace('\n', '↵');
        return flat.length() <= max ? flat : "…" + flat.substring(flat.length() - max + 1);
    }

    public void setTheme(ChartTheme theme) {
        tree.setTheme(theme);
    }

    public BeamTreeView tree() {
        return tree;
    }

    public Label status() {
        return status;
    }

    public Label contrast() {
        return contrast;
    }

    public VBox finishedList() {
        return finished;
    }
}
