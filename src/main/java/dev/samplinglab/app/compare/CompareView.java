package dev.samplinglab.app.compare;

import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.chart.Presentation;
import dev.samplinglab.app.common.LabTab;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.io.ExportFiles;
import dev.samplinglab.app.io.ExportMeta;
import dev.samplinglab.app.io.ExportSaver;
import dev.samplinglab.app.io.PngSize;
import dev.samplinglab.app.io.TitledImage;
import dev.samplinglab.app.widgets.PngSizeMenu;
import dev.samplinglab.app.widgets.Switches;
import dev.samplinglab.app.widgets.Toolbar;
import dev.samplinglab.app.widgets.TransportBar;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.sampling.Preset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The compare tab: 2 to 4 strategies side by side on one model, prompt and seed, moved in lockstep
 * by Step / Back / Run / Reset, on common random numbers or independent streams.
 */
public final class CompareView extends BorderPane implements LabTab {
    private final CompareViewModel vm;
    private final ExportSaver saver;
    private final BooleanProperty presentation;
    private final HBox columns = new HBox(6);
    private final List<CompareColumnView> views = new ArrayList<>();
    private BeamColumnView beamView;

    public CompareView(CompareViewModel vm, UserPrompts prompts, BooleanProperty presentation) {
        this.vm = vm;
        this.saver = new ExportSaver(prompts);
        this.presentation = presentation;
        setId("compare");
        getStyleClass().addAll("lab-view", "compare");
        setTop(new VBox(toolbar(), coinsRow()));
        columns.setId("compare-columns");
        columns.setPadding(new Insets(6));
        columns.setFillHeight(true);
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        setCenter(scroll);
        vm.columns().addListener((ListChangeListener<CompareColumn>) c -> rebuild());
        vm.beam().enabledProperty().addListener((obs, o, n) -> rebuild());
        vm.onErrorProperty().set(message -> prompts.error("Compare", message));
        rebuild();
        Presentation.follow(this, presentation, this::setTheme);
    }

    /** One probability scale over every column's final chart, so bar heights compare. */
    private void shareScale() {
        List<dev.samplinglab.app.chart.ChartData> shown = new ArrayList<>();
        for (CompareColumnView v : views) {
            if (v.chart().data() != null && v.chart().isVisible()) {
                shown.add(v.chart().data());
            }
        }
        double max = dev.samplinglab.app.chart.ChartScale.sharedMax(shown);
        views.forEach(v -> v.chart().setSharedMax(max));
    }

    private void setTheme(ChartTheme theme) {
        views.forEach(v -> v.setTheme(theme));
    }

    private void rebuild() {
        views.clear();
        for (int i = 0; i < vm.columns().size(); i++) {
            int index = i;
            views.add(
                    new CompareColumnView(
                            vm.columns().get(i),
                            i,
                            vm.promptPieces(),
                            () -> vm.removeColumn(index),
                            this::shareScale));
        }
        columns.getChildren().setAll(views);
        if (vm.beam().enabledProperty().get()) {
            if (beamView == null) {
                beamView = new BeamColumnView(vm.beam(), vm.promptPieces());
            }
            columns.getChildren().add(beamView);
        }
        setTheme(presentation.get() ? ChartTheme.PRESENTATION : ChartTheme.NORMAL);
    }

    private HBox toolbar() {
        TransportBar bar =
                new TransportBar(
                        "cmp-",
                        "",
                        this,
                        vm.runningProperty(),
                        new TransportBar.Tips(
                                "Every column decodes one token",
                                "Every column removes its last token",
                                "Start every column again"));
        Button add =
                Toolbar.button(
                        "cmp-add",
                        "+ Column",
                        "Add a column (up to 4)",
                        () -> vm.addColumn(Preset.GENERAL.settings()));
        add.disableProperty()
                .bind(
                        Bindings.size(vm.columns())
                                .greaterThanOrEqualTo(CompareViewModel.MAX_COLUMNS));
        var beamColumn =
                Switches.of(
                        "cmp-beam",
                        "Beam column",
                        "Add a beam-search column, stepped in lockstep with the others, with the"
                                + " same metrics",
                        vm.beam().enabledProperty());
        Label steps = new Label();
        steps.setId("cmp-steps");
        steps.textProperty().bind(Bindings.format("step %d", vm.stepsProperty()));
        Label model = new Label();
        model.getStyleClass().add("model-name");
        model.textProperty()
                .bind(
                        Bindings.concat(
                                "model ",
                                vm.modelNameProperty(),
                                " · seed ",
                                vm.seedProperty().asString()));
        Label busy = Toolbar.busyLabel(vm.busyBinding());
        MenuButton export = new MenuButton("Export");
        export.setId("cmp-export");
        export.getStyleClass().add("secondary");
        MenuItem png = new MenuItem("Comparison as PNG…");
        png.setOnAction(e -> exportPng());
        MenuItem csv = new MenuItem("Comparison as CSV…");
        csv.setOnAction(e -> exportCsv());
        export.getItems()
                .addAll(png, csv, new SeparatorMenuItem(), PngSizeMenu.of(pngSizeProperty()));
        Region grow = Toolbar.spacer();
        bar.getChildren()
                .addAll(new Separator(), add, beamColumn, steps, model, grow, busy, export);
        Toolbar.keepWhole(bar);
        return bar;
    }

    private HBox coinsRow() {
        var crn =
                Switches.of(
                        "cmp-crn",
                        "Common random numbers",
                        "On: all columns share the coin u of each step. Off: each"
                                + " column has its own stream from the seed.",
                        vm.commonRandomNumbersProperty());
        Label what = new Label();
        what.setId("cmp-coins");
        what.getStyleClass().add("coins-description");
        what.textProperty().bind(vm.coinsDescription());
        // the description wraps at narrow widths rather than being cut; the check box stays whole
        what.setWrapText(true);
        what.setMaxWidth(Double.MAX_VALUE);
        what.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
        crn.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(10, crn, what);
        row.getStyleClass().add("coins-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4, 10, 4, 10));
        return row;
    }

    /** The comparison as CSV text. */
    public String csv() {
        List<CompareCsv.Column> cols = new ArrayList<>();
        for (CompareColumn c : vm.columns()) {
            cols.add(
                    new CompareCsv.Column(
                            strategyText(c), c.history(), c.divergenceProperty().get()));
        }
        return CompareCsv.format(cols, vm.commonRandomNumbersProperty().get(), meta());
    }

    private static String strategyText(CompareColumn c) {
        try {
            return c.strategy().settings().describe();
        } catch (IllegalArgumentException e) {
            return "invalid: " + e.getMessage();
        }
    }

    /** The metadata of a compare export; the strategy names each column's. */
    ExportMeta meta() {
        List<String> strategies = new ArrayList<>();
        for (int i = 0; i < vm.columns().size(); i++) {
            strategies.add("%d: %s".formatted(i + 1, strategyText(vm.columns().get(i))));
        }
        int steps = vm.stepsProperty().get();
        return new ExportMeta(
                "Compare, %d columns".formatted(vm.columns().size()),
                vm.modelNameProperty().get(),
                vm.promptProperty().get(),
                steps,
                steps,
                String.join(" | ", strategies),
                vm.seedProperty().get(),
                ZonedDateTime.now());
    }

    /** Asks for a file and writes the CSV. */
    @Override
    public void exportCsv() {
        String text = csv();
        saver.save(
                "Export comparison as CSV",
                "csv",
                "sampling-lab-compare.csv",
                f -> AtomicFiles.writeString(f, text));
    }

    /** Asks for a file and writes a PNG of the columns with a title block, at the PNG size. */
    @Override
    public void exportPng() {
        WritableImage image = renderPng();
        saver.save(
                "Export comparison as PNG",
                "png",
                "sampling-lab-compare.png",
                f -> ExportFiles.writePng(image, f));
    }

    /** The PNG image: the title block over the columns, scaled to the PNG size. */
    public WritableImage renderPng() {
        PngSize size = saver.pngSizeProperty().get();
        return TitledImage.render(meta(), TitledImage.fitted(columns, size), size, List.of());
    }

    /** The size of PNG exports. */
    public ObjectProperty<PngSize> pngSizeProperty() {
        return saver.pngSizeProperty();
    }

    // ---- commands (keyboard and buttons) ----------------------------------------------

    @Override
    public void step() {
        vm.step();
    }

    @Override
    public void back() {
        vm.back();
    }

    @Override
    public void toggleRun() {
        vm.toggleRun();
    }

    @Override
    public javafx.scene.Node keyHome() {
        return columns;
    }

    @Override
    public void reset() {
        vm.reset();
    }

    @Override
    public void shutdown() {
        vm.shutdown();
    }

    @Override
    public javafx.scene.Node node() {
        return this;
    }

    public CompareViewModel viewModel() {
        return vm;
    }

    List<CompareColumnView> columnViews() {
        return List.copyOf(views);
    }

    public HBox columnsBox() {
        return columns;
    }
}
