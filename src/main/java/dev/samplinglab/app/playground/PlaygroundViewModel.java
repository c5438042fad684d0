package dev.samplinglab.app.playground;

import dev.samplinglab.app.widgets.StrategyForm;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The logits playground: a hand-written logits vector with labels run through the real sampling
 * pipeline on every edit, no model involved. Cheap enough to recompute on the UI thread.
 */
public final class PlaygroundViewModel {
    public static final String DEFAULT_LOGITS = "1.0, 2.0, 0.5, 3.0, 0.2";

    private final StringProperty logits = new SimpleStringProperty(this, "logits", DEFAULT_LOGITS);
    private final StringProperty labels = new SimpleStringProperty(this, "labels", "A, B, C, D, E");
    private final DoubleProperty coin = new SimpleDoubleProperty(this, "coin", 0.5);
    private final StrategyForm form = new StrategyForm(SamplingSettings.neutral());
    private final ReadOnlyObjectWrapper<StepTrace> trace = new ReadOnlyObjectWrapper<>(this, "t");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<Table> table = new ReadOnlyObjectWrapper<>(this, "table");
    private float[] parsed = new float[0];
    private List<String> pieces = List.of();

    public PlaygroundViewModel() {
        logits.addListener((obs, o, n) -> recompute());
        labels.addListener((obs, o, n) -> recompute());
        coin.addListener((obs, o, n) -> recompute());
        form.setOnChange(this::recompute);
        recompute();
    }

    /** Loads a tutorial example: its vector, default labels and strategy, and its note. */
    public void load(TutorialExample example) {
        int n = parse(example.logits()).length;
        labels.set(String.join(", ", TutorialExample.defaultLabels(n)));
        logits.set(example.logits());
        form.apply(example.strategy());
        note.set(example.note());
    }

    /** Back to the default vector with every filter off. */
    public void resetAll() {
        labels.set("A, B, C, D, E");
        logits.set(DEFAULT_LOGITS);
        form.apply(SamplingSettings.neutral());
        note.set("");
    }

    private void recompute() {
        try {
            parsed = parse(logits.get());
            pieces = labelsFor(parsed.length);
            var settings = form.settings();
            StepTrace t =
                    SamplingPipeline.of(settings)
                            .run(
                                    parsed,
                                    new int[0],
                                    clampCoin(coin.get()),
                                    this::piece,
                                    parsed.length);
            error.set("");
            trace.set(t);
            table.set(Table.of(t));
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private static double clampCoin(double u) {
        return Math.max(0, Math.min(Math.nextDown(1.0), u));
    }

    private String piece(int id) {
        return id < pieces.size() ? pieces.get(id) : "t" + id;
    }

    private List<String> labelsFor(int n) {
        List<String> given = new ArrayList<>();
        for (String s : labels.get().split(",")) {
            given.add(s.strip());
        }
        List<String> out = new ArrayList<>(TutorialExample.defaultLabels(n));
        for (int i = 0; i < n && i < given.size(); i++) {
            if (!given.get(i).isEmpty()) {
                out.set(i, given.get(i));
            }
        }
        return out;
    }

    /**
     * Parses "1.0, 2.0, -inf, ln 0.25": numbers, -inf, or "ln P" for the log of a probability.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static float[] parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("[,;]");
        List<Float> values = new ArrayList<>();
        for (String raw : parts) {
            String p = raw.strip();
            if (p.isEmpty()) {
                continue;
            }
            values.add(parseOne(p));
        }
        if (values.size() < 2) {
            throw new IllegalArgumentException("Enter at least two logits, separated by commas.");
        }
        if (values.size() > 50) {
            throw new IllegalArgumentException("At most 50 logits (got " + values.size() + ").");
        }
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static float parseOne(String p) {
        String s = p.toLowerCase(Locale.ROOT);
        try {
            if (s.equals("-inf") || s.equals("-infinity") || s.equals("−inf")) {
                return Float.NEGATIVE_INFINITY;
            }
            if (s.startsWith("ln")) {
                double prob = Double.parseDouble(s.substring(2).strip());
                if (!(prob > 0 && prob <= 1)) {
                    throw new IllegalArgumentException(
                            "\"" + p + "\": ln needs a probability in (0, 1]");
                }
                return (float) Math.log(prob);
            }
            float v = Float.parseFloat(s.replace('−', '-'));
            if (!Float.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "\"" + p + "\" is not a number (use e.g. 1.5, -inf or ln 0.25)");
        }
    }

    /**
     * The numbers of every stage, to 4 decimals: a row per token (input order), a column for the
     * logit, the softmax at T = 1, each active stage and the final distribution.
     */
    public record Table(List<String> header, List<List<String>> rows) {
        static Table of(StepTrace t) {
            List<StageTrace> columns = new ArrayList<>();
            columns.add(t.raw());
            columns.addAll(t.stages());
            columns.add(t.finalDist());
            List<String> header = new ArrayList<>(List.of("token", "logit"));
            for (StageTrace s : columns) {
                header.add(s == t.raw() ? "softmax" : headerOf(s));
            }
            int n = t.raw().candidates().size();
            List<List<String>> rows = new ArrayList<>();
            for (int id = 0; id < n; id++) {
                rows.add(row(t, columns, id));
            }
            return new Table(List.copyOf(header), List.copyOf(rows));
        }

        /** A filter's column holds its output, renormalized over the kept tokens: say so. */
        private static String headerOf(StageTrace s) {
            boolean filter =
                    s.kind() != null
                            && switch (s.kind()) {
                                case TOP_K, TOP_P, MIN_P, TYPICAL_P -> true;
                                default -> false;
                            };
            return filter ? s.name() + " (renormalized)" : s.name();
        }

        private static List<String> row(StepTrace t, List<StageTrace> columns, int id) {
            List<String> row = new ArrayList<>();
            var raw = candidate(t.raw(), id);
            row.add(raw.piece() + (id == t.chosenId() ? "  ◀" : ""));
            row.add(fmt(raw.logit()));
            for (StageTrace s : columns) {
                var c = candidate(s, id);
                row.add(c.kept() ? fmt(c.prob()) : "—");
            }
            return List.copyOf(row);
        }

        private static dev.samplinglab.engine.sampling.Candidate candidate(StageTrace s, int id) {
            for (var c : s.candidates()) {
                if (c.id() == id) {
                    return c;
                }
            }
            throw new IllegalStateException("token " + id + " missing from " + s.name());
        }

        static String fmt(double v) {
            if (v == Double.NEGATIVE_INFINITY) {
                return "−∞";
            }
            return String.format(Locale.ROOT, "%.4f", v);
        }
    }

    // ---- properties -------------------------------------------------------------------------

    /** The logits as text: numbers, -inf or "ln P", separated by commas. */
    public StringProperty logitsProperty() {
        return logits;
    }

    /** Labels of the tokens, separated by commas (missing ones become A, B, ...). */
    public StringProperty labelsProperty() {
        return labels;
    }

    /** The coin u in [0, 1) the picker uses. */
    public DoubleProperty coinProperty() {
        return coin;
    }

    public StrategyForm strategy() {
        return form;
    }

    /** The pipeline's trace of the current vector, or the last valid one. */
    public ReadOnlyObjectProperty<StepTrace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Table> tableProperty() {
        return table.getReadOnlyProperty();
    }

    /** Why the input is invalid ("" when it is valid). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The loaded example's note with its correct values ("" when none). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }
}
