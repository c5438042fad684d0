package dev.samplinglab.app.compare;

import dev.samplinglab.app.common.BackgroundWorker;
import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.app.common.RunLoop;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.Ticker;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the compare tab: 2 to 4 strategies decode the same prompt on the same model
 * and seed in lockstep (Step, Back, Run, Reset move every column). Model work runs on the worker
 * executor; results come back through the UI executor.
 */
public final class CompareViewModel {
    public static final int MIN_COLUMNS = 2;
    public static final int MAX_COLUMNS = 4;

    /** The beam column's max_new_tokens: far enough for any compare run (the context caps it). */
    static final int BEAM_MAX_TOKENS = 512;

    private final BackgroundWorker worker;
    private final CompareSessions sessions;

    private final StringProperty modelSpec = new SimpleStringProperty(this, "spec", "bundled");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
    private final BooleanProperty commonRandomNumbers =
            new SimpleBooleanProperty(this, "crn", true);
    private final ObservableList<CompareColumn> columns = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "model", "");
    private final ReadOnlyIntegerWrapper steps = new ReadOnlyIntegerWrapper(this, "steps");
    private final ObservableList<String> promptPieces = FXCollections.observableArrayList();
    // one wrapper: its listener on the backing list is weak, so a fresh one per call is lost
    private final ObservableList<String> promptPiecesView =
            FXCollections.unmodifiableObservableList(promptPieces);
    private final RunLoop run;
    private final BeamColumn beam = new BeamColumn();
    private boolean restoring;

    public CompareViewModel(LabModels models, Executor worker, Executor ui, Ticker ticker) {
        this.worker = new BackgroundWorker(worker, ui, message -> stopRunning());
        this.sessions = new CompareSessions(models);
        this.run =
                new RunLoop(
                        this,
                        ticker,
                        () -> 250,
                        () -> this.worker.pendingProperty().get() == 0,
                        this::step);
        addColumn(Preset.GREEDY.settings());
        addColumn(Preset.GENERAL.settings());
        commonRandomNumbers.addListener((obs, o, n) -> refresh());
        beam.enabledProperty().addListener((obs, o, n) -> refreshBeam());
        beam.numBeamsProperty().addListener((obs, o, n) -> refreshBeam());
        beam.lengthPenaltyProperty().addListener((obs, o, n) -> refreshBeam());
    }

    /** A beam column switched on or changed is built and replayed to the current step. */
    private void refreshBeam() {
        if (!beam.enabledProperty().get()) {
            beam.show(null);
        }
        refresh();
    }

    // ---- commands -------------------------------------------------------------------------

    /** Adds a column (up to 4) and replays it to the current step. */
    public void addColumn(SamplingSettings strategy) {
        if (columns.size() >= MAX_COLUMNS) {
            return;
        }
        CompareColumn column = new CompareColumn(strategy);
        column.strategy().setOnChange(this::refresh);
        columns.add(column);
        refresh();
    }

    /** Removes a column (at least 2 stay). */
    public void removeColumn(int index) {
        if (columns.size() <= MIN_COLUMNS || index < 0 || index >= columns.size()) {
            return;
        }
        columns.remove(index);
        refresh();
    }

    /** Every column decodes one more token. */
    public void step() {
        submitWithPlan(sessions::step);
    }

    /** Every column removes its last token. */
    public void back() {
        submitWithPlan(sessions::back);
    }

    /** Starts every column again from the prompt. */
    public void reset() {
        stopRunning();
        submitWithPlan(sessions::reset);
    }

    /** Rebuilds columns whose strategy, coins, prompt or model changed (replayed, same step). */
    public void refresh() {
        if (restoring) {
            return;
        }
        if (steps.get() > 0 || worker.pendingProperty().get() > 0) {
            submitWithPlan(sessions::sync);
        }
    }

    /**
     * Replaces the columns, the coin mode and the beam column, then replays every column to {@code
     * count} steps in one worker job (a lesson file's compare tab).
     *
     * @param numBeams the beam column's beams, or null to switch it off
     */
    public void restore(
            List<SamplingSettings> strategies,
            boolean crn,
            Integer numBeams,
            double lengthPenalty,
            int count) {
        stopRunning();
        restoring = true;
        try {
            columns.clear();
            strategies.forEach(this::addColumn);
            commonRandomNumbers.set(crn);
            beam.enabledProperty().set(numBeams != null);
            if (numBeams != null) {
                beam.numBeamsProperty().set(numBeams);
                beam.lengthPenaltyProperty().set(lengthPenalty);
            }
        } finally {
            restoring = false;
        }
        submitWithPlan(
                plan -> {
                    sessions.reset(plan);
                    for (int i = 0; i < count; i++) {
                        sessions.step(plan);
                    }
                });
    }

    public void toggleRun() {
        run.toggle();
    }

    public void stopRunning() {
        run.stop();
    }

    /** Closes the sessions and the model (through the worker). */
    public void shutdown() {
        stopRunning();
        worker.execute(sessions::close);
    }

    // ---- plumbing -------------------------------------------------------------------------

    private void submitWithPlan(Consumer<CompareSessions.Plan> op) {
        CompareSessions.Plan plan = plan();
        if (plan == null) {
            return;
        }
        worker.submit(
                () -> {
                    op.accept(plan);
                    return sessions.state();
                },
                this::apply);
    }

    /** The columns' settings now, or null (with an error) when a strategy is invalid. */
    private CompareSessions.Plan plan() {
        List<SamplingSettings> settings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            try {
                settings.add(columns.get(i).strategy().settings());
            } catch (IllegalArgumentException e) {
                worker.fail("Column %d: %s".formatted(i + 1, UserMessage.of(e)));
                return null;
            }
        }
        return new CompareSessions.Plan(
                modelSpec.get(),
                prompt.get(),
                seed.get(),
                commonRandomNumbers.get(),
                settings,
                beam.settings(BEAM_MAX_TOKENS));
    }

    private void apply(CompareSessions.ColumnsState snap) {
        worker.clearError();
        modelName.set(snap.modelName());
        if (!promptPieces.equals(snap.promptPieces())) {
            promptPieces.setAll(snap.promptPieces());
        }
        List<List<StepResult>> texts = snap.columns();
        int[] reference =
                texts.isEmpty()
                        ? new int[0]
                        : texts.get(0).stream().mapToInt(StepResult::tokenId).toArray();
        for (int i = 0; i < columns.size() && i < texts.size(); i++) {
            int[] ids = texts.get(i).stream().mapToInt(StepResult::tokenId).toArray();
            int diverged = i == 0 ? -1 : RunMetrics.firstDifference(reference, ids);
            columns.get(i).show(texts.get(i), diverged);
        }
        steps.set(snap.steps());
        beam.show(snap.beam());
    }

    // ---- properties -----------------------------------------------------------------------

    public ObservableList<CompareColumn> columns() {
        return columns;
    }

    /** The beam-search column (off by default). */
    public BeamColumn beam() {
        return beam;
    }

    public StringProperty modelSpecProperty() {
        return modelSpec;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Same coin u_t for every column (default) or one independent stream per column. */
    public BooleanProperty commonRandomNumbersProperty() {
        return commonRandomNumbers;
    }

    /** What the coin switch means, for the label next to it. */
    public StringBinding coinsDescription() {
        return Bindings.when(commonRandomNumbers)
                .then(
                        "Common random numbers: every column uses the same coin u at step t,"
                                + " so differences come only from the strategy")
                .otherwise(
                        "Independent streams: each column draws its own coins from the seed,"
                                + " so differences mix strategy and chance");
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    /** Steps every column has taken. */
    public ReadOnlyIntegerProperty stepsProperty() {
        return steps.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return worker.pendingProperty();
    }

    public BooleanBinding busyBinding() {
        return worker.busyBinding();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return worker.lastErrorProperty();
    }

    public ObjectProperty<Consumer<String>> onErrorProperty() {
        return worker.onErrorProperty();
    }

    public ObservableList<String> promptPieces() {
        return promptPiecesView;
    }
}
