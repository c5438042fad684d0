package dev.samplinglab.engine.hub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A cancel button for a download. Waiting goes through {@link #await}, which returns as soon as
 * {@link #cancel} is called even while the network is stalled, so cancel takes effect at once.
 */
public final class CancelSignal {
    private final CompletableFuture<Void> cancelled = new CompletableFuture<>();

    public void cancel() {
        cancelled.complete(null);
    }

    public boolean isCancelled() {
        return cancelled.isDone();
    }

    /** Throws {@link DownloadCancelledException} if cancelled. */
    public void check() {
        if (isCancelled()) {
            throw new DownloadCancelledException("download cancelled");
        }
    }

    /** Runs {@code action} (once) when cancelled, at once if already cancelled. */
    public void onCancel(Runnable action) {
        cancelled.thenRun(action);
    }

    /**
     * Waits up to {@code millis} for {@code work}: its value, or null on time-out. Cancelling ends
     * the wait at once with {@link DownloadCancelledException}; a failure of the work is rethrown
     * as its cause.
     */
    public <T> T await(CompletableFuture<T> work, long millis) throws Throwable {
        try {
            CompletableFuture.anyOf(work, cancelled).get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
        }
        if (isCancelled()) {
            work.cancel(true);
            check();
        }
        return work.getNow(null);
    }
}
