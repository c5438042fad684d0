package dev.samplinglab.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class BackgroundWorkerTest {
    /** Runs queued tasks only when asked, so a test sees every state in between. */
    private static final class Manual implements Executor {
        final Queue<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable r) {
            queue.add(r);
        }

        void runAll() {
            for (Runnable r; (r = queue.poll()) != null; ) {
                r.run();
            }
        }
    }

    private final Manual model = new Manual();
    private final Manual ui = new Manual();
    private final List<String> failures = new ArrayList<>();
    private final List<String> shown = new ArrayList<>();
    private final BackgroundWorker worker = new BackgroundWorker(model, ui, failures::add);

    {
        worker.onErrorProperty().set(shown::add);
    }

    @Test
    void countsPendingWorkUntilItsResultIsAppliedOnTheUiThread() {
        List<Integer> results = new ArrayList<>();
        worker.submit(() -> 6 * 7, results::add);
        worker.submit(() -> 1, results::add);
        assertThat(worker.pendingProperty().get()).isEqualTo(2);
        assertThat(worker.busyBinding().get()).isTrue();
        model.runAll();
        assertThat(results).isEmpty();
        assertThat(worker.pendingProperty().get()).isEqualTo(2);
        ui.runAll();
        assertThat(results).containsExactly(42, 1);
        assertThat(worker.pendingProperty().get()).isZero();
        assertThat(worker.lastErrorProperty().get()).isEmpty();
    }

    @Test
    void aFailureBecomesOneLineForTheViewModelAndTheUser() {
        List<Object> results = new ArrayList<>();
        List<String> always = new ArrayList<>();
        worker.submit(
                () -> {
                    throw new IOException("model.safetensors: tensor wte missing");
                },
                results::add,
                () -> always.add("done"));
        worker.submit(
                () -> {
                    throw new IllegalStateException();
                },
                results::add);
        model.runAll();
        ui.runAll();
        assertThat(results).isEmpty();
        assertThat(always).containsExactly("done");
        assertThat(failures)
                .containsExactly("model.safetensors: tensor wte missing", "IllegalStateException");
        assertThat(shown).isEqualTo(failures);
        assertThat(worker.lastErrorProperty().get()).isEqualTo("IllegalStateException");
        assertThat(worker.pendingProperty().get()).isZero();
    }

    @Test
    void theResultsOfASupersededRequestAreDropped() {
        List<String> applied = new ArrayList<>();
        BackgroundWorker.Ticket first = worker.supersede();
        worker.submit(first, () -> "first", applied::add);
        first.post(() -> applied.add("first: progress"));
        BackgroundWorker.Ticket second = worker.supersede();
        worker.submit(second, () -> "second", applied::add);
        second.post(() -> applied.add("second: progress"));
        model.runAll();
        ui.runAll();
        assertThat(first.isCurrent()).isFalse();
        assertThat(second.isCurrent()).isTrue();
        assertThat(applied).containsExactly("second: progress", "second");
        assertThat(worker.pendingProperty().get()).isZero();
    }

    @Test
    void aSupersededFailureIsNotReported() {
        BackgroundWorker.Ticket stale = worker.supersede();
        worker.submit(
                stale,
                () -> {
                    throw new IllegalArgumentException("stale");
                },
                r -> {});
        worker.supersede();
        model.runAll();
        ui.runAll();
        assertThat(failures).isEmpty();
        assertThat(worker.lastErrorProperty().get()).isEmpty();
    }

    @Test
    void aNoteSetsTheLineWithoutTellingTheUser() {
        worker.note("Loading bundled was cancelled.");
        assertThat(worker.lastErrorProperty().get()).isEqualTo("Loading bundled was cancelled.");
        assertThat(shown).isEmpty();
        worker.clearError();
        assertThat(worker.lastErrorProperty().get()).isEmpty();
    }
}
