package dev.samplinglab.app.cachelab;

import dev.samplinglab.app.chart.CacheGrid;
import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.chart.Presentation;
import dev.samplinglab.app.chart.TimingChart;
import dev.samplinglab.app.common.LabTab;
import dev.samplinglab.app.widgets.SpinnerInput;
import dev.samplinglab.engine.generate.CacheLab;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The KV-cache lab tab: run the model N positions with and without the cache, watch ms/token
 * against position for both, the totals, the speedup and the logit check, and the cache filling
 * layer by layer with its memory formula.
 */
public final class CacheLabView extends BorderPane implements LabTab {
    static final String CURRENT = "Step window's model";
    static final String GPT2 = "random:gpt2-small (124M, random weights)";
    private final CacheLabViewModel vm;
    private final ReadOnlyStringProperty currentSpec;
    private final TimingChart timing = new TimingChart();
    private final CacheGrid grid = new CacheGrid();
    private final Label totals = new Label();
    private final Label check = new Label();
    private final Label memory = new Label();
    private final Label formula = new Label();
    private final Label explanation = new Label(EXPLANATION);

    /** What the cache saves, next to the chart. */
    static final String EXPLANATION =
            """
            Without a cache, every new token runs the whole text so far through the model again: at
            position t it recomputes the keys and values of all t earlier positions in every layer,
            so the work per token grows with t (O(t) per token, O(t²) in all). With the KV cache,
            each position's keys and values are computed once and kept; a new token computes only
            its own and reads the rest, so the work per token stays about flat (O(1) matrix work per
            token; attention still reads t cached entries). The price is memory: the cache below
            grows by one column per token. The logits are the same either way, which the check below
            confirms."""
                    .replace('\n', ' '); // one paragraph; the lines are only for the source

    private final ComboBox<String> model = new ComboBox<>();

    public CacheLabView(
            CacheLabViewModel vm,
            ReadOnlyStringProperty currentSpec,
            BooleanProperty presentation) {
        this.vm = vm;
        this.currentSpec = currentSpec;
        setId("cache-lab");
        getStyleClass().addAll("lab-view", "cache-lab");
        setTop(toolbar());
        timing.setId("cl-timing");
        grid.setId("cl-grid");
        totals.setId("cl-totals");
        check.setId("cl-check");
        memory.setId("cl-memory");
        formula.setId("cl-formula");
        explanation.setId("cl-explanation");
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        for (Label l : new Label[] {totals, check, memory, formula, explanation}) {
            l.getStyleClass().add("lab-figure");
            l.setWrapText(true);
        }
        VBox.setVgrow(timing, Priority.ALWAYS);
        VBox centre =
                new VBox(
                        6,
                        explanation,
                        timing,
                        totals,
                        check,
                        section("KV cache: layers × positions"),
                        grid,
                        memory,
                        formula);
        centre.setPadding(new Insets(8, 12, 8, 12));
        setCenter(centre);
        vm.samples().addListener((ListChangeListener<CacheLab.Sample>) c -> refresh());
        vm.cacheLengthProperty().addListener((obs, o, n) -> refresh());
        vm.cacheBytesProperty().addListener((obs, o, n) -> refresh());
        vm.positionsProperty().addListener((obs, o, n) -> refresh());
        vm.unavailableProperty().addListener((obs, o, n) -> refresh());
        currentSpec.addListener((obs, o, n) -> applyModelChoice());
        Presentation.follow(this, presentation, this::setTheme);
        refresh();
    }

    private void setTheme(ChartTheme theme) {
        timing.setTheme(theme);
        grid.setTheme(theme);
    }

    private VBox toolbar() {
        model.setId("cl-model");
        model.getItems().addAll(CURRENT, GPT2);
        model.setValue(CURRENT);
        model.setTooltip(new Tooltip("Which model to time"));
        model.valueProperty().addListener((obs, o, n) -> applyModelChoice());
        applyModelChoice();
        Spinner<Integer> tokens = new Spinner<>(8, 2048, vm.tokensProperty().get(), 64);
        tokens.setId("cl-tokens");
        tokens.setEditable(true);
        tokens.setPrefWidth(100);
        tokens.setTooltip(new Tooltip("Positions to reach, prompt included (up to the context)"));
        Label tokensError = SpinnerInput.guard(tokens);
        tokens.valueProperty().addListener((obs, o, n) -> vm.tokensProperty().set(n));
        vm.tokensProperty()
                .addListener((obs, o, n) -> tokens.getValueFactory().setValue(n.intValue()));
        Button run = new Button("Run");
        run.setId("cl-run");
        run.setTooltip(new Tooltip("Decode with and without the cache, position by position"));
        run.setOnAction(e -> vm.start());
        run.disableProperty().bind(vm.runningProperty().or(vm.unavailableProperty().isNotEmpty()));
        Button cancel = new Button("Cancel");
        cancel.setId("cl-cancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("cl-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(vm.progressProperty());
        Label status = new Label();
        status.setId("cl-status");
        status.textProperty().bind(vm.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("lab-status");
        HBox bar =
                new HBox(
                        8,
                        fixed(new Label("Model")),
                        model,
                        fixed(new Label("Positions")),
                        tokens,
                        tokensError,
                        fixed(run),
                        fixed(cancel),
                        progress);
        bar.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(4, bar, status);
        top.getStyleClass().add("toolbar");
        top.setPadding(new Insets(6, 10, 6, 10));
        return top;
    }

    private static <T extends javafx.scene.control.Control> T fixed(T c) {
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return c;
    }

    private void applyModelChoice() {
        String spec =
                GPT2.equals(model.getValue()) ? CacheLabViewModel.GPT2_SMALL : currentSpec.get();
        vm.modelSpecProperty().set(spec == null || spec.isEmpty() ? "bundled" : spec);
    }

    /** A model spec as a sentence reads it: "the bundled model", "random:tiny (random weights)". */
    static String describe(String spec) {
        if (spec == null || spec.isBlank() || spec.equals("bundled")) {
            return "the bundled model";
        }
        if (spec.startsWith("bundled:")) {
            return "the bundled model " + spec.substring("bundled:".length());
        }
        if (spec.startsWith("random:")) {
            return spec + " (random weights)";
        }
        java.nio.file.Path name = java.nio.file.Path.of(spec).getFileName();
        return name == null ? spec : name.toString();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void refresh() {
        timing.show(vm.samples(), vm.positionsProperty().get());
        grid.show(
                vm.layersProperty().get(),
                vm.positionsProperty().get(),
                vm.promptLengthProperty().get(),
                vm.cacheLengthProperty().get());
        double c = vm.cachedTotalMillisProperty().get();
        double u = vm.uncachedTotalMillisProperty().get();
        totals.setText(
                !vm.unavailableProperty().get().isEmpty()
                        ? vm.unavailableProperty().get()
                        : vm.samples().isEmpty()
                                ? "Press Run to decode %d positions of %s with and without the cache."
                                        .formatted(
                                                vm.tokensProperty().get(),
                                                describe(vm.modelSpecProperty().get()))
                                : String.format(
                                        Locale.ROOT,
                                        "%d decode steps · with cache %.0f ms (%.2f ms/token) · without"
                                                + " %.0f ms (%.2f ms/token) · speedup %.1f×",
                                        vm.samples().size(),
                                        c,
                                        c / vm.samples().size(),
                                        u,
                                        u / vm.samples().size(),
                                        vm.speedup()));
        double d = vm.maxDiffProperty().get();
        check.setText(
                Double.isNaN(d)
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "max |logit difference| %.2g → %s",
                                d,
                                CacheLabViewModel.identical(d)
                                        ? "identical logits ✓ (fp32 rounding only)"
                                        : "logits DIFFER"));
        check.getStyleClass().remove("bad");
        if (!Double.isNaN(d) && !CacheLabViewModel.identical(d)) {
            check.getStyleClass().add("bad");
        }
        memory.setText(
                String.format(
                        Locale.ROOT,
                        "memory: %,d bytes (%.2f MB) for %d positions",
                        vm.cacheBytesProperty().get(),
                        vm.cacheBytesProperty().get() / 1048576.0,
                        vm.cacheLengthProperty().get()));
        formula.setText("K and V, fp32: " + vm.formula());
    }

    /** Enter starts a run, or cancels the one in progress. */
    @Override
    public void toggleRun() {
        if (vm.runningProperty().get()) {
            vm.cancel();
        } else {
            vm.start();
        }
    }

    @Override
    public void shutdown() {
        vm.shutdown();
    }

    @Override
    public Node node() {
        return this;
    }

    public CacheLabViewModel viewModel() {
        return vm;
    }

    public TimingChart timing() {
        return timing;
    }

    public CacheGrid grid() {
        return grid;
    }

    public Label check() {
        return check;
    }
}
