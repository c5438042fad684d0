package dev.samplinglab.app.step;

import dev.samplinglab.app.chart.ChartStack;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.io.ExportFiles;
import dev.samplinglab.app.io.ExportMeta;
import dev.samplinglab.app.io.ExportSaver;
import dev.samplinglab.app.io.HistoryCsv;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.io.PngSize;
import dev.samplinglab.app.io.TitledImage;
import dev.samplinglab.engine.io.AtomicFiles;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

/**
 * Export of the shown step's charts (PNG, {@link PngSize} with a title block) and of the step
 * history (CSV, JSON), all with the same metadata; saving through {@link ExportSaver}.
 */
public final class Exporter {
    private final StepViewModel vm;
    private final HistoryJson json;
    private final ExportSaver saver;

    public Exporter(StepViewModel vm, UserPrompts prompts, HistoryJson json) {
        this.vm = vm;
        this.json = json;
        this.saver = new ExportSaver(prompts);
    }

    /**
     * Writes files on {@code io} and reports through {@code ui}, so encoding a PNG never holds the
     * FX thread (the default writes on the calling thread).
     */
    public void writeInBackground(Executor io, Executor ui) {
        saver.writeInBackground(io, ui);
    }

    /** The size of PNG exports (shared with the compare tab). */
    public ObjectProperty<PngSize> pngSizeProperty() {
        return saver.pngSizeProperty();
    }

    /**
     * Asks for a file and writes a PNG of the shown step's charts at the chosen size; returns the
     * file, or null when cancelled or (when writing on the calling thread) failed.
     *
     * @param live the charts on screen, used only for their style sheets
     */
    public Path exportPng(Node live) {
        WritableImage image = renderPng(live);
        return saver.save(
                "Export charts as PNG",
                "png",
                "sampling-lab-step.png",
                file -> ExportFiles.writePng(image, file));
    }

    /** The PNG image: the title block over the shown step's charts, redrawn at the PNG size. */
    public WritableImage renderPng(Node live) {
        StepResult shown = vm.shownProperty().get();
        ChartStack charts = new ChartStack();
        charts.show(shown == null ? null : shown.trace(), vm.topNProperty().get());
        charts.setBanner(PastStepText.of(shown, vm.history().size()));
        List<String> sheets =
                live.getScene() == null ? List.of() : live.getScene().getStylesheets();
        return TitledImage.render(meta(shown), charts, saver.pngSizeProperty().get(), sheets);
    }

    public Path exportCsv() {
        String text = HistoryCsv.format(vm.history(), meta(last()), PastStepText::settings);
        return saver.save(
                "Export history as CSV",
                "csv",
                "sampling-lab-history.csv",
                file -> AtomicFiles.writeString(file, text));
    }

    public Path exportJson() {
        String text =
                json.format(
                        meta(last()),
                        vm.strategy().lastValid(),
                        vm.history(),
                        PastStepText::settings);
        return saver.save(
                "Export history as JSON",
                "json",
                "sampling-lab-history.json",
                file -> AtomicFiles.writeString(file, text));
    }

    private StepResult last() {
        List<StepResult> h = vm.history();
        return h.isEmpty() ? null : h.get(h.size() - 1);
    }

    /** The metadata of an export showing {@code step} (null: none yet). */
    ExportMeta meta(StepResult step) {
        return new ExportMeta(
                "Step window",
                vm.modelNameProperty().get(),
                vm.promptProperty().get(),
                step == null ? 0 : step.index() + 1,
                vm.history().size(),
                step == null ? vm.strategy().lastValid().describe() : PastStepText.settings(step),
                vm.seedProperty().get(),
                ZonedDateTime.now());
    }
}
