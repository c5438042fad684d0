package dev.samplinglab.app.common;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Runs a view model's model work off the UI thread: {@link #submit} runs the work on the worker
 * executor and hands its result to {@code onUi} on the UI executor, so the UI thread never waits on
 * the model. It owns the pending count (the busy indicator, the Run loop's idle check), turns a
 * failure into one line in {@link #lastErrorProperty()} for the user, and drops the results of a
 * request that a newer one has superseded ({@link #supersede()}).
 *
 * <p>Used from the UI thread only, except {@link Ticket#post}, which any thread may call.
 */
public final class BackgroundWorker {
    private final Executor worker;
    private final Executor ui;
    private final Consumer<String> onFailure;
    private final ReadOnlyIntegerWrapper pending = new ReadOnlyIntegerWrapper(this, "pending");
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<Consumer<String>> onError =
            new SimpleObjectProperty<>(this, "onError", message -> {});
    private volatile long generation;

    /** Model work that returns what the UI thread needs. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws Exception;
    }

    /**
     * @param worker the thread model work runs on
     * @param ui hops to the UI thread
     * @param onFailure what the view model does first when work fails (stop running, ...)
     */
    public BackgroundWorker(Executor worker, Executor ui, Consumer<String> onFailure) {
        this.worker = worker;
        this.ui = ui;
        this.onFailure = onFailure;
    }

    /** Runs {@code work} on the worker, then {@code onUi} with its result on the UI thread. */
    public <T> void submit(Work<T> work, Consumer<T> onUi) {
        submit(null, work, onUi, () -> {});
    }

    /**
     * Like {@link #submit(Work, Consumer)}; {@code always} runs on the UI thread first, even on
     * failure.
     */
    public <T> void submit(Work<T> work, Consumer<T> onUi, Runnable always) {
        submit(null, work, onUi, always);
    }

    /**
     * Like {@link #submit(Work, Consumer)}, but the result (or the failure) is dropped when {@code
     * ticket} has been superseded by the time it reaches the UI thread.
     */
    public <T> void submit(Ticket ticket, Work<T> work, Consumer<T> onUi) {
        submit(ticket, work, onUi, () -> {});
    }

    private <T> void submit(Ticket ticket, Work<T> work, Consumer<T> onUi, Runnable always) {
        pending.set(pending.get() + 1);
        worker.execute(
                () -> {
                    Runnable apply;
                    try {
                        T result = work.run();
                        apply = () -> onUi.accept(result);
                    } catch (Exception | LinkageError e) {
                        String message = UserMessage.of(e);
                        apply = () -> fail(message);
                    }
                    Runnable then = apply;
                    ui.execute(() -> finish(ticket, always, then));
                });
    }

    private void finish(Ticket ticket, Runnable always, Runnable apply) {
        try {
            always.run();
            if (ticket == null || ticket.isCurrent()) {
                apply.run();
            }
        } finally {
            pending.set(pending.get() - 1);
        }
    }

    /** Runs {@code task} on the worker thread without a result (closing sessions, models). */
    public void execute(Runnable task) {
        worker.execute(task);
    }

    /** Completes once the worker has finished everything submitted so far. */
    public CompletableFuture<Void> idle() {
        return CompletableFuture.runAsync(() -> {}, worker);
    }

    /** A new request; every earlier ticket is superseded and its results are dropped. */
    public Ticket supersede() {
        return new Ticket(++generation);
    }

    /** Tells the user: the view model reacts, then the line is shown (the view shows a dialog). */
    public void fail(String message) {
        onFailure.accept(message);
        lastError.set(message);
        onError.get().accept(message);
    }

    /**
     * Records {@code message} as the last error without a dialog (an outcome the user asked for).
     */
    public void note(String message) {
        lastError.set(message);
    }

    /** Forgets the last error (after a success the view model wants to show as clean). */
    public void clearError() {
        lastError.set("");
    }

    /** Jobs queued or running. */
    public ReadOnlyIntegerProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** True while model work is queued or running. */
    public BooleanBinding busyBinding() {
        return Bindings.greaterThan(pending, 0);
    }

    /** The last failure's one-line message. */
    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }

    /** Receives error messages for the user (the view shows a dialog). */
    public ObjectProperty<Consumer<String>> onErrorProperty() {
        return onError;
    }

    /** One request; superseded by the next {@link #supersede()}. */
    public final class Ticket {
        private final long id;

        private Ticket(long id) {
            this.id = id;
        }

        /** Whether no newer request has been made since. */
        public boolean isCurrent() {
            return id == generation;
        }

        /** Runs {@code update} on the UI thread if this request is still current then. */
        public void post(Runnable update) {
            ui.execute(
                    () -> {
                        if (isCurrent()) {
                            update.run();
                        }
                    });
        }
    }
}
