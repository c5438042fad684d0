package dev.samplinglab.app.compare;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.widgets.StrategyForm;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One column of the compare view: a full strategy (the same form as the step window's), the text it
 * produced, its running metrics and the step where it first left the first column's text.
 */
public final class CompareColumn {
    private final StrategyForm form;
    private final ObservableList<StepResult> history = FXCollections.observableArrayList();
    // one wrapper: its listener on the backing list is weak, so a fresh one per call is lost
    private final ObservableList<StepResult> historyView =
            FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyObjectWrapper<RunMetrics> metrics =
            new ReadOnlyObjectWrapper<>(this, "metrics", RunMetrics.of(List.of()));
    private final ReadOnlyIntegerWrapper divergence =
            new ReadOnlyIntegerWrapper(this, "divergence", -1);

    CompareColumn(SamplingSettings strategy) {
        this.form = new StrategyForm(strategy);
    }

    public StrategyForm strategy() {
        return form;
    }

    /** The column's steps, oldest first (UI thread). */
    public ObservableList<StepResult> history() {
        return historyView;
    }

    /**
     * Shows exactly these steps. Metrics and divergence are set before the history, so a view that
     * redraws on a history change never reads the figures of the previous steps.
     */
    void show(List<StepResult> steps, int diverged) {
        metrics.set(RunMetrics.ofResults(steps));
        divergence.set(diverged);
        history.setAll(steps);
    }

    public ReadOnlyObjectProperty<RunMetrics> metricsProperty() {
        return metrics.getReadOnlyProperty();
    }

    /** First step whose token differs from the first column's, -1 while they agree. */
    public ReadOnlyIntegerProperty divergenceProperty() {
        return divergence.getReadOnlyProperty();
    }

    /** Ids of the generated tokens. */
    public int[] tokenIds() {
        return history.stream().mapToInt(StepResult::tokenId).toArray();
    }
}
