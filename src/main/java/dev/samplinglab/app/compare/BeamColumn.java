package dev.samplinglab.app.compare;

import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.EarlyStopping;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The compare view's beam-search column: on or off, its beams and length penalty, and what it shows
 * (the best beam so far, or the best finished hypothesis once the search ended) with the same
 * metrics as the sampling columns.
 */
public final class BeamColumn {
    /**
     * What the column shows.
     *
     * @param tokens the best sequence's tokens
     * @param pieces their display pieces
     * @param logProbs the model's log-probability of each token
     * @param status steps, stop reason and the beams' cache memory
     */
    public record State(int[] tokens, List<String> pieces, double[] logProbs, String status) {
        static final State EMPTY = new State(new int[0], List.of(), new double[0], "");

        /**
         * Beam search picks deterministically, like greedy: entropy 0 and one token "drawn from" at
         * each step, so only log p, perplexity and the distinct-n figures differ.
         */
        RunMetrics metrics() {
            List<RunMetrics.Step> steps =
                    java.util.stream.IntStream.range(0, tokens.length)
                            .mapToObj(
                                    i ->
                                            new RunMetrics.Step(
                                                    tokens[i], Math.exp(logProbs[i]), 0, 1))
                            .toList();
            return RunMetrics.of(steps);
        }
    }

    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final IntegerProperty numBeams = new SimpleIntegerProperty(this, "beams", 3);
    private final DoubleProperty lengthPenalty = new SimpleDoubleProperty(this, "lp", 1.0);
    private final ReadOnlyObjectWrapper<State> state =
            new ReadOnlyObjectWrapper<>(this, "state", State.EMPTY);
    private final ReadOnlyObjectWrapper<RunMetrics> metrics =
            new ReadOnlyObjectWrapper<>(this, "metrics", RunMetrics.of(List.of()));

    /** The settings for {@code maxNewTokens}, or null when the column is off. */
    BeamSettings settings(int maxNewTokens) {
        if (!enabled.get()) {
            return null;
        }
        return new BeamSettings(
                numBeams.get(), lengthPenalty.get(), EarlyStopping.FALSE, 1, 0, maxNewTokens);
    }

    void show(State s) {
        State shown = s == null ? State.EMPTY : s;
        metrics.set(shown.metrics());
        state.set(shown);
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public IntegerProperty numBeamsProperty() {
        return numBeams;
    }

    public DoubleProperty lengthPenaltyProperty() {
        return lengthPenalty;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }
}
