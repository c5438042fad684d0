package dev.samplinglab.app.io;

import dev.samplinglab.app.common.UserPrompts;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Saves one export: asks where (the file chooser confirms replacing a file, so nothing asks twice),
 * writes atomically, then confirms with a notification; a failed write says why and leaves any
 * existing file as it was. Also holds the PNG size the user picked.
 */
public final class ExportSaver {
    private final UserPrompts prompts;
    private final ObjectProperty<PngSize> pngSize =
            new SimpleObjectProperty<>(this, "pngSize", PngSize.DEFAULT);
    private Executor io = Runnable::run;
    private Executor ui = Runnable::run;

    public ExportSaver(UserPrompts prompts) {
        this.prompts = prompts;
    }

    /**
     * Writes files on {@code io} and reports through {@code ui}, so encoding a PNG never holds the
     * FX thread (the default writes on the calling thread).
     */
    public void writeInBackground(Executor io, Executor ui) {
        this.io = io;
        this.ui = ui;
    }

    /** The size of PNG exports. */
    public ObjectProperty<PngSize> pngSizeProperty() {
        return pngSize;
    }

    /**
     * Asks for a file and writes it; returns the file, or null when cancelled or (when writing on
     * the calling thread) failed.
     */
    public Path save(String title, String ext, String suggested, ExportFiles.Write write) {
        Path file = chooseTarget(title, ext, suggested);
        if (file == null) {
            return null;
        }
        var failed = new java.util.concurrent.atomic.AtomicBoolean();
        io.execute(
                () -> {
                    try {
                        write.to(file);
                        ui.execute(() -> prompts.saved(file));
                    } catch (IOException | RuntimeException e) {
                        failed.set(true);
                        ui.execute(() -> prompts.error("Export failed", failure(file, e)));
                    }
                });
        return failed.get() ? null : file;
    }

    /**
     * The file to write: the chooser's answer, with {@code .ext} added when the name has none. The
     * chooser has already confirmed replacing the name it returned; only a different existing file
     * (the name with the extension added) is asked about.
     */
    Path chooseTarget(String title, String ext, String suggested) {
        Path file = prompts.chooseSaveFile(title, ext, suggested);
        if (file == null || file.getFileName().toString().contains(".")) {
            return file;
        }
        Path withExt = file.resolveSibling(file.getFileName() + "." + ext);
        return Files.exists(withExt) && !prompts.confirmOverwrite(withExt) ? null : withExt;
    }

    /** The message for a failed write: which file, why, and that nothing was lost. */
    static String failure(Path file, Exception e) {
        return """
                Could not write %s: %s.
                Nothing was lost: any existing file was left as it was and everything is still in \
                the window. Choose another folder and export again."""
                .formatted(file, reason(e));
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (the folder is read-only or belongs to someone else)";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
