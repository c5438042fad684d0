package dev.samplinglab.app.step;

import dev.samplinglab.app.beam.BeamControls;
import dev.samplinglab.app.beam.BeamView;
import dev.samplinglab.app.beam.BeamViewModel;
import dev.samplinglab.app.chart.ChartStack;
import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.common.FxTicker;
import dev.samplinglab.app.common.KeyCommands;
import dev.samplinglab.app.common.LabTab;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.app.guess.GuessMode;
import dev.samplinglab.app.guess.StepHost;
import dev.samplinglab.app.io.HistoryJson;
import dev.samplinglab.app.widgets.PngSizeMenu;
import dev.samplinglab.app.widgets.Scales;
import dev.samplinglab.app.widgets.TokenStrip;
import dev.samplinglab.app.widgets.Toolbar;
import dev.samplinglab.app.widgets.TransportBar;
import dev.samplinglab.engine.sampling.Candidate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The step window: controls on the left, the stacked stage charts in the centre with the status
 * line, the token chips at the bottom, commands on top. Views bind to the view model and delegate
 * every command to it.
 */
public final class StepView extends BorderPane implements LabTab {
    public static final String STYLESHEET = "/dev/samplinglab/app/sampling-lab.css";
    private final StepViewModel vm;
    private final ChartStack charts = new ChartStack();
    private final Label status = new Label();
    private final MenuButton branch = new MenuButton("Branch…");
    private final ControlsPane controls;
    private final TokenStrip strip;
    private final Exporter exporter;
    private final LatencyProbe latency = new LatencyProbe();
    private final TimelineStrip timeline;
    private final ScrollPane left;
    private final Node topBar;
    private final HBox statusRow = new HBox(8);
    private final VBox centreBox = new VBox();
    private final ProjectorLayout projector;
    private final BeamViewModel beams;
    private final BeamView beamView;
    private final Node samplingCentre;
    private final GuessMode guess;

    public StepView(
            StepViewModel vm, UserPrompts prompts, List<ModelChoice> models, HistoryJson json) {
        this.vm = vm;
        this.controls = new ControlsPane(vm, prompts, models);
        this.strip = new TokenStrip(vm);
        this.timeline = new TimelineStrip(vm);
        this.exporter = new Exporter(vm, prompts, json);
        this.beams = beamViewModel(vm);
        this.beamView = new BeamView(beams);
        getStyleClass().add("main-view");
        this.guess = new GuessMode(this, guessHost(vm), vm::stopRunning);
        topBar = toolbar();
        setTop(topBar);
        left = new ScrollPane(new VBox(new BeamControls(beams), controls));
        left.setId("controls-scroll");
        left.setFitToWidth(true);
        left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        left.setPrefViewportWidth(340);
        left.setMinViewportWidth(300);
        setLeft(left);
        samplingCentre = centre();
        setCenter(samplingCentre);
        setBottom(strip);
        projector = new ProjectorLayout(this::step, this::back, this::toggleRun, this::reset, vm);
        projector.addCommand(guess.projectorButton());
        beams.activeProperty().addListener((obs, o, on) -> showBeams(on));
        vm.modelSpecProperty().addListener((obs, o, n) -> beams.reset());
        vm.shownProperty().addListener((obs, o, n) -> showStep(n));
        vm.topNProperty().addListener((obs, o, n) -> showStep(vm.shownProperty().get()));
        vm.presentationProperty().addListener((obs, o, on) -> applyPresentation(on));
        charts.setOnFinalBarClicked(this::branchToBar);
        vm.onErrorProperty().set(message -> prompts.error("Sampling Lab", message));
        showStep(vm.shownProperty().get());
    }

    /** Installs the keyboard commands and the style sheet on the window's scene. */
    public void attach(Scene scene) {
        attach(scene, () -> this);
    }

    /** Like {@link #attach(Scene)} with the keys going to the tab {@code target} returns. */
    public void attach(Scene scene, Supplier<LabTab> target) {
        scene.getStylesheets().add(getClass().getResource(STYLESHEET).toExternalForm());
        KeyCommands.install(scene, target, this::togglePresentation);
        javafx.application.Platform.runLater(charts::requestFocus);
    }

    /** A guessing round scores on the step window's worker and session and draws its steps. */
    private static StepHost guessHost(StepViewModel vm) {
        Runnable draw =
                () -> {
                    vm.stopRunning();
                    vm.select(vm.history().size() - 1);
                    vm.step();
                };
        return new StepHost(
                job -> vm.withSession(job::apply), draw, vm.history(), vm.promptPieces());
    }

    /** Beam search decodes on the step window's worker and model. */
    private static BeamViewModel beamViewModel(StepViewModel vm) {
        BeamViewModel.ModelAccess access =
                new BeamViewModel.ModelAccess() {
                    @Override
                    public void submit(BeamViewModel.ModelJob job) {
                        vm.withModel(job);
                    }

                    @Override
                    public boolean idle() {
                        return vm.pendingProperty().get() == 0;
                    }
                };
        return new BeamViewModel(access, vm::currentPrompt, new FxTicker(), vm.speedProperty());
    }

    /** Beam search on: the beam view replaces the charts and the chips. */
    private void showBeams(boolean on) {
        vm.stopRunning();
        beams.stop();
        setCenter(on ? beamView : samplingCentre);
        if (!vm.presentationProperty().get()) {
            setBottom(on ? null : strip); // in presentation mode the text lives in the side column
        }
        if (on) {
            beams.reset();
        }
    }

    private Node centre() {
        charts.setId("charts");
        charts.setOnMousePressed(e -> charts.requestFocus());
        charts.setPadding(new Insets(4, 8, 0, 4));
        VBox.setVgrow(charts, Priority.ALWAYS);
        status.setId("status");
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.setTooltip(StatusText.tooltip());
        HBox.setHgrow(status, Priority.ALWAYS);
        branch.setId("branch-menu");
        branch.setMinWidth(Region.USE_PREF_SIZE);
        branch.setTooltip(
                new Tooltip(
                        "Replace the shown step's token with an alternative and"
                                + " continue from there (the text after it is discarded). Ctrl+B"));
        branch.disableProperty().bind(vm.shownProperty().isNull());
        statusRow.getChildren().setAll(status, branch);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        statusRow.setPadding(new Insets(2, 8, 4, 8));
        centreBox.getChildren().setAll(charts, timeline, statusRow);
        centreBox.getStyleClass().add("centre");
        return centreBox;
    }

    private Node toolbar() {
        TransportBar bar =
                new TransportBar(
                        "",
                        "-button",
                        this,
                        vm.runningProperty().or(beams.runningProperty()),
                        new TransportBar.Tips(
                                "Decode the next token",
                                "Remove the last token",
                                "Start again from the prompt"));
        Slider speed = new Slider(Scales.SPEED_MIN, Scales.SPEED_MAX, vm.speedProperty().get());
        speed.setId("speed");
        speed.setPrefWidth(110);
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        speed.setTooltip(new Tooltip("Run speed (steps per second)"));
        Label speedLabel = new Label();
        speedLabel
                .textProperty()
                .bind(Bindings.format(Locale.ROOT, "%.1f steps/s", vm.speedProperty()));
        Slider topN = new Slider(Scales.SHOWN_MIN, Scales.SHOWN_MAX, vm.topNProperty().get());
        topN.setId("top-n");
        topN.setPrefWidth(110);
        topN.setMajorTickUnit(5);
        topN.setMinorTickCount(0);
        topN.setSnapToTicks(true);
        topN.valueProperty().addListener((obs, o, n) -> vm.topNProperty().set(n.intValue()));
        vm.topNProperty().addListener((obs, o, n) -> topN.setValue(n.doubleValue()));
        topN.setTooltip(
                new Tooltip(
                        "How many tokens the charts show (%d to %d)"
                                .formatted(Scales.SHOWN_MIN, Scales.SHOWN_MAX)));
        Label topNLabel = new Label();
        topNLabel.textProperty().bind(Bindings.format("%d tokens shown", vm.topNProperty()));
        HBox nBox = new HBox(4, topN, topNLabel);
        nBox.getStyleClass().add("secondary");
        nBox.setAlignment(Pos.CENTER_LEFT);
        MenuButton export = new MenuButton("Export");
        export.setId("export-menu");
        export.getStyleClass().add("secondary");
        MenuItem png = new MenuItem("Charts as PNG…  (Ctrl+E)");
        png.setOnAction(e -> exporter.exportPng(charts));
        MenuItem csv = new MenuItem("History as CSV…  (Ctrl+Shift+E)");
        csv.setOnAction(e -> exporter.exportCsv());
        MenuItem json = new MenuItem("History as JSON…  (Ctrl+J)");
        json.setOnAction(e -> exporter.exportJson());
        export.getItems()
                .addAll(
                        png,
                        csv,
                        json,
                        new SeparatorMenuItem(),
                        PngSizeMenu.of(exporter.pngSizeProperty()));
        ToggleButton present = new ToggleButton("Presentation");
        present.setId("presentation-button");
        present.setFocusTraversable(false);
        present.selectedProperty().bindBidirectional(vm.presentationProperty());
        present.setTooltip(new Tooltip("Large type and high contrast (F11 or Ctrl+Shift+P)"));
        Region grow = Toolbar.spacer();
        Label busy = Toolbar.busyLabel(vm.busyBinding());
        bar.getChildren()
                .addAll(
                        new Separator(),
                        speed,
                        speedLabel,
                        new Separator(),
                        nBox,
                        grow,
                        busy,
                        charts.tableToggle("table-toggle"),
                        export,
                        guess.toolbarButton(),
                        present);
        Toolbar.keepWhole(bar);
        return bar;
    }

    private void showStep(StepResult step) {
        charts.show(step == null ? null : step.trace(), vm.topNProperty().get());
        charts.setBanner(PastStepText.of(step, vm.history().size()));
        status.setText(
                StatusText.of(
                        step,
                        StatusText.serverSource(
                                vm.modelSpecProperty().get(), vm.modelNameProperty().get())));
        branch.getItems().clear();
        if (step != null) {
            for (Candidate c : TokenStrip.alternatives(step.trace(), 10)) {
                if (c.id() != step.tokenId()) {
                    MenuItem item =
                            new MenuItem(
                                    String.format(
                                            Locale.ROOT, "%s (p = %.3f)", c.piece(), c.prob()));
                    item.setOnAction(e -> vm.branch(step.index(), c.id()));
                    branch.getItems().add(item);
                }
            }
        }
        latency.chartsUpdated(getScene());
    }

    /** A click on a final-distribution bar takes that token at the shown step instead. */
    private void branchToBar(int displayIndex) {
        StepResult step = vm.shownProperty().get();
        if (step == null) {
            return;
        }
        int id = step.trace().displayIds()[displayIndex];
        if (id != step.tokenId()) {
            vm.branch(step.index(), id);
        }
    }

    private void applyPresentation(boolean on) {
        if (on) {
            getStyleClass().add("presentation");
        } else {
            getStyleClass().remove("presentation");
        }
        charts.setTheme(on ? ChartTheme.PRESENTATION : ChartTheme.NORMAL);
        beamView.setTheme(on ? ChartTheme.PRESENTATION : ChartTheme.NORMAL);
        left.setPrefViewportWidth(on ? 440 : 340);
        arrange(on);
        for (Node n : lookupAll(".secondary")) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }

    /**
     * Projector layout: the charts take the whole height; the controls fold into a slim strip on
     * the left; commands, the status line and the text move to a column on the right, so none of
     * them is pushed below a 720-pixel screen.
     */
    private void arrange(boolean on) {
        if (on) {
            setTop(null);
            setBottom(null);
            centreBox.getChildren().setAll(charts);
            setLeft(projector.slimControls(left));
            setRight(projector.side(statusRow, strip));
        } else {
            projector.release();
            setTop(topBar);
            setLeft(left);
            setRight(null);
            centreBox.getChildren().setAll(charts, timeline, statusRow);
            setBottom(strip);
        }
    }

    // ---- commands (keyboard and buttons) ----------------------------------------------

    @Override
    public void step() {
        if (guess.isActive()) {
            guess.viewModel().advance();
            return;
        }
        if (beams.activeProperty().get()) {
            beams.step();
            return;
        }
        latency.commandIssued();
        vm.step();
    }

    @Override
    public void back() {
        if (guess.isActive()) {
            return; // a round only moves forward
        }
        if (beams.activeProperty().get()) {
            beams.back();
            return;
        }
        if (!vm.history().isEmpty()) {
            latency.commandIssued();
        }
        vm.back();
    }

    @Override
    public void toggleRun() {
        if (guess.isActive()) {
            return;
        }
        if (beams.activeProperty().get()) {
            beams.toggleRun();
            return;
        }
        vm.toggleRun();
    }

    @Override
    public Node keyHome() {
        return guess.isActive() ? null : charts; // in a round, Enter keeps the focus in the guesses
    }

    /** Guess mode on or off (Ctrl+G). */
    @Override
    public void toggleGuess() {
        guess.toggle();
    }

    @Override
    public boolean guessing() {
        return guess.isActive();
    }

    /** Reveals the guesses of the current step (Ctrl+Enter in guess mode). */
    @Override
    public void reveal() {
        if (guess.isActive()) {
            guess.viewModel().reveal();
        }
    }

    /** Moves the round on to the next step (Ctrl+→ in guess mode). */
    @Override
    public void next() {
        if (guess.isActive()) {
            guess.viewModel().next();
        }
    }

    public GuessMode guess() {
        return guess;
    }

    @Override
    public void reset() {
        if (beams.activeProperty().get()) {
            beams.reset();
            return;
        }
        vm.reset();
    }

    @Override
    public void shutdown() {
        beams.stop();
    }

    @Override
    public void exportPng() {
        exporter.exportPng(charts);
    }

    @Override
    public void exportCsv() {
        exporter.exportCsv();
    }

    @Override
    public void exportJson() {
        exporter.exportJson();
    }

    /** Opens the "Branch…" menu of the shown step (Ctrl+B). */
    @Override
    public void openBranchMenu() {
        if (!branch.isDisabled() && !branch.getItems().isEmpty()) {
            branch.show();
        }
    }

    /** Presentation mode on or off (F11 or Ctrl+Shift+P), for the whole window. */
    public void togglePresentation() {
        vm.presentationProperty().set(!vm.presentationProperty().get());
    }

    @Override
    public Node node() {
        return this;
    }

    public StepViewModel viewModel() {
        return vm;
    }

    public ChartStack charts() {
        return charts;
    }

    public TimelineStrip timeline() {
        return timeline;
    }

    public TokenStrip strip() {
        return strip;
    }

    public ControlsPane controls() {
        return controls;
    }

    public Exporter exporter() {
        return exporter;
    }

    public LatencyProbe latency() {
        return latency;
    }

    public Label status() {
        return status;
    }

    public BeamViewModel beams() {
        return beams;
    }

    public BeamView beamView() {
        return beamView;
    }
}
