package dev.samplinglab.app.step;

import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.io.ExportFiles;
import dev.samplinglab.app.io.HistoryCsv;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

/**
 * Export of the current charts (PNG) and of the step history (CSV, JSON): a file chooser, a
 * confirmation before replacing a file, and an atomic write.
 */
public final class Exporter {
    private final StepViewModel vm;
    private final UserPrompts prompts;
    private final HistoryJson json;
    private Executor io = Runnable::run;
    private Executor ui = Runnable::run;

    public Exporter(StepViewModel vm, UserPrompts prompts, HistoryJson json) {
        this.vm = vm;
        this.prompts = prompts;
        this.json = json;
    }

    /**
     * Writes files on {@code io} and reports failures through {@code ui}, so encoding a PNG never
     * holds the FX thread (the default writes on the calling thread).
     */
    public void writeInBackground(Executor io, Executor ui) {
        this.io = io;
        this.ui = ui;
    }

    /**
     * Asks for a file and writes a PNG of {@code node}; returns the file, or null when cancelled or
     * (when writing on the calling thread) failed.
     */
    public Path exportPng(Node node) {
        WritableImage image = node.snapshot(new SnapshotParameters(), null);
        return save(
                "Export charts as PNG",
                "png",
                "sampling-lab-step.png",
                file -> ExportFiles.writePng(image, file));
    }

    public Path exportCsv() {
        String text = HistoryCsv.format(vm.history());
        return save(
                "Export history as CSV",
                "csv",
                "sampling-lab-history.csv",
                file -> AtomicFiles.writeString(file, text));
    }

    public Path exportJson() {
        String text =
                json.format(
                        vm.modelNameProperty().get(),
                        vm.promptProperty().get(),
                        vm.seedProperty().get(),
                        vm.strategy().lastValid(),
                        vm.history());
        return save(
                "Export history as JSON",
                "json",
                "sampling-lab-history.json",
                file -> AtomicFiles.writeString(file, text));
    }

    private Path save(String title, String ext, String suggested, ExportFiles.Write write) {
        Path file = ExportFiles.chooseTarget(prompts, title, ext, suggested);
        if (file == null) {
            return null;
        }
        Path target = file;
        var failed = new java.util.concurrent.atomic.AtomicBoolean();
        io.execute(
                () -> {
                    try {
                        write.to(target);
                    } catch (IOException | RuntimeException e) {
                        failed.set(true);
                        ui.execute(() -> failed(target, e));
                    }
                });
        return failed.get() ? null : file;
    }

    private void failed(Path file, Exception e) {
        prompts.error(
                "Export failed",
                "Could not write "
                        + file
                        + ": "
                        + e.getMessage()
                        + "\nAny existing file was left as it was.");
    }
}
