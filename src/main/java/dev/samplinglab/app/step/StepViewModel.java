package dev.samplinglab.app.step;

import dev.samplinglab.app.beam.BeamViewModel;
import dev.samplinglab.app.common.BackgroundWorker;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.RunLoop;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.app.common.Ticker;
import dev.samplinglab.app.common.UserMessage;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.app.widgets.StrategyForm;
import dev.samplinglab.app.widgets.TokenStrip;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State and commands of the step window. All model work is handed to the worker executor; results
 * come back through the UI executor, so the UI thread never waits on the model. Session state is
 * mirrored as a snapshot after every operation, so the window always matches the session.
 */
public final class StepViewModel implements TokenStrip.Source {
    private final ModelOpener opener;
    private final BackgroundWorker worker;
    private final Executor ui;

    // worker-thread state
    private ModelHandle model;
    private StepSource source;
    private final AtomicReference<SamplingSettings> pendingRedo = new AtomicReference<>();

    // UI-thread state
    private final StrategyForm form;
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final BooleanProperty chatMode = new SimpleBooleanProperty(this, "chat");
    private final StringProperty system = new SimpleStringProperty(this, "system", "");
    private final java.util.Set<Integer> specialPrompt = new java.util.HashSet<>();
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
    private final IntegerProperty topN =
            new SimpleIntegerProperty(this, "topN", Scales.SHOWN_DEFAULT);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 4);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "model", "");
    private final ReadOnlyStringWrapper modelSpec = new ReadOnlyStringWrapper(this, "spec", "");
    private final ReadOnlyStringWrapper modelDetail =
            new ReadOnlyStringWrapper(this, "modelDetail", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyIntegerWrapper cacheLength = new ReadOnlyIntegerWrapper(this, "cache");
    private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "sel", -1);
    private final ReadOnlyObjectWrapper<StepResult> shown = new ReadOnlyObjectWrapper<>(this, "s");
    private final ReadOnlyStringWrapper strategyError = new ReadOnlyStringWrapper(this, "se", "");
    private final ObservableList<StepResult> history = FXCollections.observableArrayList();
    private final ObservableList<String> promptPieces = FXCollections.observableArrayList();
    private final ObservableList<StepResult> historyView =
            FXCollections.unmodifiableObservableList(history);
    private final ObservableList<String> promptView =
            FXCollections.unmodifiableObservableList(promptPieces);
    private final Object loadLock = new Object();
    private Thread loaderThread;
    private volatile boolean loadCancelled;
    private final RunLoop run;
    private boolean batching;

    public StepViewModel(
            ModelOpener opener,
            Executor worker,
            Executor ui,
            Ticker ticker,
            SamplingSettings strategy) {
        this.opener = opener;
        this.worker = new BackgroundWorker(worker, ui, message -> stopRunning());
        this.ui = ui;
        this.form = new StrategyForm(strategy);
        form.setOnChange(this::requestRedo);
        selected.addListener((obs, o, n) -> updateShown());
        history.addListener((javafx.collections.ListChangeListener<StepResult>) c -> updateShown());
        this.run =
                new RunLoop(
                        this,
                        ticker,
                        () -> Math.round(1000 / Math.max(0.1, speed.get())),
                        () -> this.worker.pendingProperty().get() == 0,
                        () -> {
                            selected.set(history.size() - 1);
                            step();
                        });
        speed.addListener((obs, o, n) -> run.restart());
    }

    // ---- commands -------------------------------------------------------------------------

    /** Opens a model in the background; on failure the previous model stays. */
    public void loadModel(String spec) {
        loadModel(spec, null);
    }

    /**
     * Opens a model in the background. If it fails the previous model stays and the error is
     * reported; when there is no previous model and {@code fallback} is set, the fallback is opened
     * instead (start-up with a remembered model that is gone).
     */
    public void loadModel(String spec, String fallback) {
        Prompt text = currentPrompt();
        long s = seed.get();
        loading.set(true);
        loadProgress.set(-1);
        stopRunning();
        submit(
                () -> {
                    try {
                        return loading(() -> open(spec, text, s));
                    } catch (Exception e) {
                        if (loadCancelled) {
                            return () -> worker.note("Loading %s was cancelled.".formatted(spec));
                        }
                        if (fallback == null || model != null) {
                            throw e;
                        }
                        String first = UserMessage.of(e);
                        Runnable apply = open(fallback, text, s);
                        return () -> {
                            apply.run();
                            worker.fail("%s\nOpened %s instead.".formatted(first, fallback));
                        };
                    }
                },
                () -> loading.set(false));
    }

    /**
     * Cancels a model load in progress: the loading thread is interrupted and the engine stops at
     * its next tensor; the previous model stays (no error dialog).
     */
    public void cancelLoad() {
        synchronized (loadLock) {
            if (loaderThread != null) {
                loadCancelled = true;
                loaderThread.interrupt();
            }
        }
    }

    /** Worker: runs a load so that {@link #cancelLoad()} can interrupt it, and only it. */
    private Runnable loading(Job job) throws Exception {
        synchronized (loadLock) {
            loaderThread = Thread.currentThread();
            loadCancelled = false;
        }
        try {
            return job.run();
        } finally {
            synchronized (loadLock) {
                loaderThread = null;
                Thread.interrupted();
            }
        }
    }

    /** Worker: opens and starts a model, swaps it in; returns the UI update. */
    private Runnable open(String spec, Prompt text, long s) throws Exception {
        ModelHandle opened = opener.open(spec, p -> ui.execute(() -> loadProgress.set(p)));
        StepSource started;
        try {
            started = opened.start(text, s);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
        closeSession();
        if (model != null) {
            model.close();
        }
        model = opened;
        source = started;
        String name = opened.name();
        String detail = opened.detail();
        SessionState snap = captureState();
        return () -> {
            modelName.set(name);
            modelDetail.set(detail);
            modelSpec.set(spec);
            apply(snap);
        };
    }

    /** Next step; when an earlier step is shown, moves forward through the history instead. */
    public void step() {
        if (selected.get() < history.size() - 1) {
            selected.set(selected.get() + 1);
            return;
        }
        SamplingSettings s = settings();
        if (s == null) {
            return;
        }
        submit(
                () -> {
                    requireSession().step(s);
                    return applying(captureState());
                });
    }

    /** Removes the last step. */
    public void back() {
        submit(
                () -> {
                    StepSource session = requireSession();
                    if (!session.history().isEmpty()) {
                        session.back();
                    }
                    return applying(captureState());
                });
    }

    /** Starts a fresh session on the current model with the current prompt and seed. */
    public void reset() {
        stopRunning();
        Prompt text = currentPrompt();
        long s = seed.get();
        submit(
                () -> {
                    if (model == null) {
                        throw new IllegalStateException("No model is loaded.");
                    }
                    closeSession();
                    source = model.start(text, s);
                    return applying(captureState());
                });
    }

    /** Shows the charts of step i (history browsing; no model work). */
    @Override
    public void select(int i) {
        if (i >= 0 && i < history.size()) {
            selected.set(i);
        }
    }

    /**
     * Branches: keeps steps 0..stepIndex, replaces step stepIndex's pick with tokenId and drops
     * everything after it (the KV cache is truncated, not recomputed).
     */
    @Override
    public void branch(int stepIndex, int tokenId) {
        stopRunning();
        SamplingSettings s = settings();
        if (s == null) {
            return;
        }
        submit(
                () -> {
                    StepSource session = requireSession();
                    if (stepIndex >= session.history().size()) {
                        // the step went away (reset, back) after the menu was shown
                        return applying(captureState());
                    }
                    session.truncateTo(stepIndex + 1);
                    session.force(tokenId, s);
                    return applying(captureState());
                });
    }

    /**
     * Runs {@code job} on the worker with the loaded model and applies its result on the UI thread
     * (the beam view decodes through this, on the same worker and model as the step window).
     */
    public void withModel(BeamViewModel.ModelJob job) {
        submit(
                () -> {
                    if (model == null) {
                        throw new IllegalStateException("No model is loaded.");
                    }
                    return job.run(model);
                });
    }

    /** Work on a fresh session, run on the worker (a lesson file's replay). */
    @FunctionalInterface
    public interface SessionScript {
        /**
         * @param session the fresh session, at the prompt
         * @param progress receives the fraction done, from the worker thread
         */
        void play(StepSource session, java.util.function.DoubleConsumer progress) throws Exception;
    }

    /**
     * Replaces the session with a replayed one: on the worker, opens {@code spec} (or keeps the
     * loaded model when it is the same spec), starts {@code text} with seed {@code s} and runs
     * {@code script} on that fresh session. Only when all of it succeeded are the model and session
     * swapped in and {@code onApplied} run on the UI thread; on a failure or a cancel the window
     * stays exactly as it was.
     */
    public void replay(String spec, Prompt text, long s, SessionScript script, Runnable onApplied) {
        boolean reuse = spec.equals(modelSpec.get());
        loading.set(true);
        loadProgress.set(-1);
        stopRunning();
        submit(
                () -> loading(() -> replaying(reuse, spec, text, s, script, onApplied)),
                () -> loading.set(false));
    }

    private Runnable replaying(
            boolean reuse,
            String spec,
            Prompt text,
            long s,
            SessionScript script,
            Runnable onApplied)
            throws Exception {
        java.util.function.DoubleConsumer progress = p -> ui.execute(() -> loadProgress.set(p));
        ModelHandle m = null;
        StepSource fresh = null;
        try {
            m = reuse && model != null ? model : opener.open(spec, progress);
            fresh = m.start(text, s);
            script.play(fresh, progress);
        } catch (Exception e) {
            if (fresh != null) {
                fresh.close();
            }
            if (m != null && m != model) {
                m.close();
            }
            if (loadCancelled) {
                return () -> worker.note("Opening %s was cancelled.".formatted(spec));
            }
            throw e;
        }
        closeSession();
        if (model != null && model != m) {
            model.close();
        }
        model = m;
        source = fresh;
        String name = m.name();
        String detail = m.detail();
        SessionState snap = captureState();
        return () -> {
            modelName.set(name);
            modelDetail.set(detail);
            modelSpec.set(spec);
            apply(snap);
            onApplied.run();
        };
    }

    /**
     * Reads the session on the worker (null when no model is loaded) and hands what {@code read}
     * returns to {@code onUi}.
     */
    public <T> void readSession(java.util.function.Function<StepSource, T> read, Consumer<T> onUi) {
        worker.submit(() -> read.apply(source), onUi);
    }

    /** Work on the current session, on the worker, that returns what to apply on the UI thread. */
    @FunctionalInterface
    public interface SessionJob {
        Runnable run(StepSource session) throws Exception;
    }

    /**
     * Runs {@code job} on the worker with the session at its current step (guess scoring), queued
     * like every step, and applies its result on the UI thread.
     */
    public void withSession(SessionJob job) {
        submit(() -> job.run(requireSession()));
    }

    /** Starts or pauses automatic stepping at {@link #speedProperty()} steps per second. */
    public void toggleRun() {
        run.toggle();
    }

    public void stopRunning() {
        run.stop();
    }

    /**
     * Recomputes the last step with the current settings (coalesced: latest settings win) and shows
     * it.
     */
    private void requestRedo() {
        SamplingSettings settings = settings();
        if (settings == null || history.isEmpty()) {
            return;
        }
        // only the last step can be recomputed: show it, so the change is visible
        selected.set(history.size() - 1);
        if (pendingRedo.getAndSet(settings) != null) {
            return;
        }
        submit(
                () -> {
                    SamplingSettings s = pendingRedo.getAndSet(null);
                    StepSource session = requireSession();
                    if (s != null && !session.history().isEmpty()) {
                        session.redo(s);
                    }
                    return applying(captureState());
                });
    }

    /** The engine settings of the form, or null (with {@link #strategyErrorProperty()} set). */
    private SamplingSettings settings() {
        try {
            SamplingSettings s = form.settings();
            strategyError.set("");
            return s;
        } catch (IllegalArgumentException e) {
            strategyError.set(UserMessage.of(e));
            return null;
        }
    }

    // ---- plumbing -------------------------------------------------------------------------

    /** Work for the worker thread that returns what to apply on the UI thread. */
    @FunctionalInterface
    private interface Job {
        Runnable run() throws Exception;
    }

    private void submit(Job job) {
        submit(job, () -> {});
    }

    private void submit(Job job, Runnable always) {
        worker.submit(job::run, Runnable::run, always);
    }

    private StepSource requireSession() {
        if (source == null) {
            throw new IllegalStateException("No model is loaded.");
        }
        return source;
    }

    private void closeSession() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    /** Closes the session and the model (call on shutdown, through the worker). */
    public void shutdown() {
        stopRunning();
        worker.execute(
                () -> {
                    closeSession();
                    if (model != null) {
                        model.close();
                        model = null;
                    }
                });
    }

    private record SessionState(
            List<StepResult> history,
            List<String> prompt,
            java.util.Set<Integer> special,
            int cacheLength) {}

    private SessionState captureState() {
        StepSource session = requireSession();
        return new SessionState(
                List.copyOf(session.history()),
                List.copyOf(session.promptPieces()),
                java.util.Set.copyOf(session.specialPromptPositions()),
                session.cacheLength());
    }

    /** The prompt as the model gets it: plain text, or system + user through the chat template. */
    /** The prompt as the model will read it: plain, or chat with the system message. */
    public Prompt currentPrompt() {
        return chatMode.get()
                ? Prompt.chat(system.get(), prompt.get())
                : Prompt.plain(prompt.get());
    }

    private Runnable applying(SessionState snap) {
        return () -> apply(snap);
    }

    private void apply(SessionState snap) {
        boolean atEnd = selected.get() >= history.size() - 1;
        batching = true;
        try {
            if (!promptPieces.equals(snap.prompt()) || !specialPrompt.equals(snap.special())) {
                specialPrompt.clear();
                specialPrompt.addAll(snap.special());
                promptPieces.setAll(snap.prompt());
            }
            history.setAll(snap.history());
            cacheLength.set(snap.cacheLength());
            if (atEnd || selected.get() >= history.size()) {
                selected.set(history.size() - 1);
            }
        } finally {
            batching = false;
        }
        updateShown();
    }

    private void updateShown() {
        if (batching) {
            return;
        }
        int i = selected.get();
        shown.set(i >= 0 && i < history.size() ? history.get(i) : null);
    }

    // ---- properties -----------------------------------------------------------------------

    public StrategyForm strategy() {
        return form;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    /** Chat mode: the prompt is the user message, put through the model's chat template. */
    public BooleanProperty chatModeProperty() {
        return chatMode;
    }

    /** The system message of chat mode (blank = none). */
    public StringProperty systemProperty() {
        return system;
    }

    /** Whether prompt piece {@code i} is a special token (a chat template's markers, BOS). */
    @Override
    public boolean isSpecialPromptPiece(int i) {
        return specialPrompt.contains(i);
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Number of display tokens in the charts (10 to 100). */
    public IntegerProperty topNProperty() {
        return topN;
    }

    /** Run speed in steps per second. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty presentationProperty() {
        return presentation;
    }

    public ReadOnlyStringProperty modelNameProperty() {
        return modelName.getReadOnlyProperty();
    }

    /** Family, size and shapes of the loaded model, one line. */
    public ReadOnlyStringProperty modelDetailProperty() {
        return modelDetail.getReadOnlyProperty();
    }

    /** The spec of the loaded model (what settings remember). */
    public ReadOnlyStringProperty modelSpecProperty() {
        return modelSpec.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Load progress in [0, 1], or -1 when unknown. */
    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return run.runningProperty();
    }

    /** True while model work is queued or running. */
    public BooleanBinding busyBinding() {
        return worker.busyBinding();
    }

    public ReadOnlyIntegerProperty pendingProperty() {
        return worker.pendingProperty();
    }

    public ReadOnlyIntegerProperty cacheLengthProperty() {
        return cacheLength.getReadOnlyProperty();
    }

    /** Index of the step whose charts are shown, -1 when none. */
    @Override
    public ReadOnlyIntegerProperty selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The step whose charts are shown, or null. */
    public ReadOnlyObjectProperty<StepResult> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Why the strategy form is not a valid strategy ("" when it is). */
    public ReadOnlyStringProperty strategyErrorProperty() {
        return strategyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return worker.lastErrorProperty();
    }

    /** Receives error messages for the user (the view shows a dialog). */
    public ObjectProperty<Consumer<String>> onErrorProperty() {
        return worker.onErrorProperty();
    }

    @Override
    public ObservableList<StepResult> history() {
        return historyView;
    }

    @Override
    public ObservableList<String> promptPieces() {
        return promptView;
    }
}
