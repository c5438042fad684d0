package dev.samplinglab.app.hub;

import dev.samplinglab.engine.hub.CancelSignal;
import dev.samplinglab.engine.hub.DownloadCancelledException;
import dev.samplinglab.engine.hub.DownloadProgress;
import dev.samplinglab.engine.hub.DownloadProgress.FileProgress;
import dev.samplinglab.engine.hub.DownloadResult;
import dev.samplinglab.engine.hub.HubException;
import dev.samplinglab.engine.hub.RepoId;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Get a model…" dialog's state: the repository to fetch, progress per file and in total, a
 * cancel that takes effect at once, and one-line errors. The download runs on {@code background};
 * every property changes on {@code ui} (the FX thread in the app, the calling thread in tests).
 */
public final class DownloadViewModel {

    /** Runs one download; the app passes a {@link dev.samplinglab.engine.hub.HubDownloader}. */
    @FunctionalInterface
    public interface Downloader {
        DownloadResult download(
                RepoId repo,
                String revision,
                Consumer<DownloadProgress> progress,
                CancelSignal cancel);
    }

    private final Downloader downloader;
    private final Executor background;
    private final Executor ui;
    private final Consumer<DownloadResult> onFinished;
    private final StringProperty repo = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty();
    private final StringProperty line = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<FileProgress> files = FXCollections.observableArrayList();
    private final AtomicReference<DownloadProgress> latest = new AtomicReference<>();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private volatile CancelSignal cancel;

    public DownloadViewModel(
            Downloader downloader,
            Executor background,
            Executor ui,
            Consumer<DownloadResult> onFinished) {
        this.downloader = downloader;
        this.background = background;
        this.ui = ui;
        this.onFinished = onFinished;
    }

    /** Starts downloading the repository in {@link #repoProperty()}; ignored while one runs. */
    public void start() {
        if (running.get()) {
            return;
        }
        String text = repo.get() == null ? "" : repo.get().strip();
        if (!RepoId.isValid(text) || !text.contains("/")) {
            error.set(
                    "'%s' is not a repository id; type ORGANISATION/NAME, e.g. HuggingFaceTB/SmolLM2-135M"
                            .formatted(text));
            return;
        }
        RepoId id = new RepoId(text);
        CancelSignal signal = new CancelSignal();
        cancel = signal;
        error.set("");
        status.set("Checking %s…".formatted(id));
        line.set("");
        progress.set(-1);
        files.clear();
        running.set(true);
        background.execute(() -> run(id, signal));
    }

    /** Stops the download at once; the partial file stays for a resume. */
    public void cancel() {
        CancelSignal c = cancel;
        if (c != null) {
            c.cancel();
        }
    }

    private void run(RepoId id, CancelSignal signal) {
        try {
            DownloadResult r = downloader.download(id, "main", this::onProgress, signal);
            ui.execute(() -> finished(r));
        } catch (DownloadCancelledException e) {
            ui.execute(
                    () ->
                            stopped(
                                    "Cancelled. The partial download is kept and resumes next time.",
                                    ""));
        } catch (HubException e) {
            ui.execute(() -> stopped("Download failed.", e.getMessage()));
        } catch (RuntimeException e) {
            ui.execute(() -> stopped("Download failed.", "internal error: %s".formatted(e)));
        }
    }

    /** Keeps only the newest progress and posts at most one update at a time to the UI. */
    private void onProgress(DownloadProgress p) {
        latest.set(p);
        if (updatePending.compareAndSet(false, true)) {
            ui.execute(
                    () -> {
                        updatePending.set(false);
                        show(latest.get());
                    });
        }
    }

    private void show(DownloadProgress p) {
        if (!running.get() || p == null) {
            return;
        }
        progress.set(p.total() > 0 ? p.fraction() : -1);
        line.set(p.total() > 0 ? p.line() : "");
        status.set(
                p.file().isEmpty()
                        ? capitalise(p.status())
                        : "%s: %s".formatted(capitalise(p.status()), p.file()));
        files.setAll(p.files());
    }

    private void finished(DownloadResult r) {
        running.set(false);
        progress.set(1);
        status.set("Done: %s is ready.".formatted(r.repo()));
        onFinished.accept(r);
    }

    private void stopped(String message, String problem) {
        running.set(false);
        status.set(message);
        error.set(problem);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public StringProperty repoProperty() {
        return repo;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    /** 0..1, or -1 while the size is not known yet. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** "120 MB of 270 MB · 11 MB/s · 0:14 left". */
    public StringProperty lineProperty() {
        return line;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The one-line error of the last attempt; empty when none. */
    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<FileProgress> files() {
        return files;
    }
}
