package dev.samplinglab.app.beam;

import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.RunLoop;
import dev.samplinglab.app.common.Ticker;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.BeamStop;
import dev.samplinglab.engine.generate.beam.EarlyStopping;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State and commands of the beam view. The search runs on the step window's worker with its loaded
 * model ({@link ModelAccess}); each command returns a {@link BeamSnapshot} that is applied on the
 * UI thread, so the UI never waits on the model. A settings change replays the search to the same
 * step with the new settings; Run, a replay or a reset stop between steps when paused.
 */
public final class BeamViewModel {
    /** The step window's worker and model. */
    public interface ModelAccess {
        /** Runs {@code job} on the worker with the loaded model; applies its result on the UI. */
        void submit(ModelJob job);

        /** True when no model work is queued. */
        boolean idle();
    }

    /** Worker-thread work on the loaded model that returns what to apply on the UI thread. */
    @FunctionalInterface
    public interface ModelJob {
        Runnable run(ModelHandle model) throws Exception;
    }

    private final ModelAccess access;
    private final Supplier<Prompt> prompt;
    private final RunLoop run;

    // worker-thread state
    private BeamRun current;
    private final AtomicInteger generation = new AtomicInteger();

    // UI-thread state
    private int requested;
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final IntegerProperty numBeams = new SimpleIntegerProperty(this, "numBeams", 3);
    private final DoubleProperty lengthPenalty = new SimpleDoubleProperty(this, "lp", 1.0);
    private final ObjectProperty<EarlyStopping> earlyStopping =
            new SimpleObjectProperty<>(this, "earlyStopping", EarlyStopping.FALSE);
    private final IntegerProperty noRepeatNgram = new SimpleIntegerProperty(this, "ngram", 0);
    private final IntegerProperty maxNewTokens = new SimpleIntegerProperty(this, "max", 40);
    private final ReadOnlyObjectWrapper<BeamSnapshot> snapshot;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public BeamViewModel(
            ModelAccess access, Supplier<Prompt> prompt, Ticker ticker, DoubleProperty speed) {
        this.access = access;
        this.prompt = prompt;
        this.snapshot =
                new ReadOnlyObjectWrapper<>(this, "snapshot", BeamSnapshot.empty(settings()));
        BooleanSupplier idle = access::idle;
        this.run =
                new RunLoop(
                        this,
                        ticker,
                        () -> Math.round(1000 / Math.max(0.1, speed.get())),
                        idle,
                        this::runTick);
        speed.addListener((obs, o, n) -> run.restart());
        numBeams.addListener((obs, o, n) -> replay());
        lengthPenalty.addListener((obs, o, n) -> replay());
        earlyStopping.addListener((obs, o, n) -> replay());
        noRepeatNgram.addListener((obs, o, n) -> replay());
        maxNewTokens.addListener((obs, o, n) -> replay());
    }

    /** The settings of the form (numbers are clamped by the controls). */
    public BeamSettings settings() {
        return new BeamSettings(
                numBeams.get(),
                lengthPenalty.get(),
                earlyStopping.get(),
                1,
                noRepeatNgram.get(),
                maxNewTokens.get());
    }

    // ---- commands -------------------------------------------------------------------------

    /** One more beam step (nothing once the search has ended). */
    public void step() {
        if (snapshot.get().stop() != BeamStop.NONE) {
            return;
        }
        requested++;
        go(requested);
    }

    /** Removes the last step. */
    public void back() {
        run.stop();
        requested = Math.max(0, requested - 1);
        go(requested);
    }

    /** Starts again from the prompt (a new prompt or model is picked up). */
    public void reset() {
        run.stop();
        requested = 0;
        go(0);
    }

    public void toggleRun() {
        run.toggle();
    }

    /** Stops Run and any replay in flight between two steps. */
    public void stop() {
        run.stop();
        generation.incrementAndGet();
    }

    private void runTick() {
        if (snapshot.get().stop() == BeamStop.NONE) {
            step();
        } else {
            run.stop();
        }
    }

    /** Re-runs the search with the new settings to the step shown now. */
    private void replay() {
        if (active.get()) {
            go(requested);
        } else {
            snapshot.set(BeamSnapshot.empty(settings()));
        }
    }

    /**
     * Brings the search to {@code target} steps: restarts it when the model, prompt or settings
     * changed, steps forward, or goes back. A newer command makes an older one stop between steps.
     */
    private void go(int target) {
        if (!active.get()) {
            return;
        }
        BeamSettings settings;
        try {
            settings = settings();
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(UserMessage.of(e));
            return;
        }
        Prompt text = prompt.get();
        int ticket = generation.incrementAndGet();
        access.submit(
                model -> {
                    BeamRun r = runFor(model, text, settings);
                    while (r.steps() > target) {
                        r.back();
                    }
                    while (r.steps() < target && !r.done() && generation.get() == ticket) {
                        r.step();
                    }
                    BeamSnapshot snap = r.snapshot();
                    return () -> apply(snap);
                });
    }

    private void apply(BeamSnapshot snap) {
        if (snap.stop() != BeamStop.NONE) {
            requested = snap.stepCount();
        }
        snapshot.set(snap);
    }

    /** Worker: the current run if it fits, else a new one. */
    private BeamRun runFor(ModelHandle model, Prompt text, BeamSettings settings) {
        if (current != null && current.matches(model, text, settings)) {
            return current;
        }
        closeRun();
        current = new BeamRun(model, model.beams(), text, settings);
        return current;
    }

    private void closeRun() {
        if (current != null) {
            try {
                current.close();
            } catch (RuntimeException e) {
                // the model under it may already be closed; nothing is left to free
            }
            current = null;
        }
    }

    /** Frees the search's caches (through the worker). */
    public void shutdown() {
        stop();
        access.submit(
                model -> {
                    closeRun();
                    return () -> {};
                });
    }

    // ---- properties -----------------------------------------------------------------------

    /** Whether the step window shows the beam view (beam search is the strategy). */
    public BooleanProperty activeProperty() {
        return active;
    }

    public IntegerProperty numBeamsProperty() {
        return numBeams;
    }

    public DoubleProperty lengthPenaltyProperty() {
        return lengthPenalty;
    }

    public ObjectProperty<EarlyStopping> earlyStoppingProperty() {
        return earlyStopping;
    }

    public IntegerProperty noRepeatNgramProperty() {
        return noRepeatNgram;
    }

    public IntegerProperty maxNewTokensProperty() {
        return maxNewTokens;
    }

    public ReadOnlyObjectProperty<BeamSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** Why the settings are not valid ("" when they are). */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
