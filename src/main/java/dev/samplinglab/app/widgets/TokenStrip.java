package dev.samplinglab.app.widgets;

import dev.samplinglab.app.chart.Palette;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.util.Duration;

/**
 * The text: prompt pieces, then one chip per generated token shaded by the token's probability
 * under the model (cividis scale, legend on the right). Hover shows the top-5 alternatives, click
 * shows that step's charts, right-click offers the alternatives to branch from.
 */
public final class TokenStrip extends BorderPane {
    /** The decoding the strip shows and the commands its chips send (the step window's). */
    public interface Source {
        ObservableList<StepResult> history();

        ObservableList<String> promptPieces();

        /** Whether prompt piece i is a special token (chat markup), drawn apart. */
        boolean isSpecialPromptPiece(int i);

        /** Index of the step whose charts are shown, -1 when none. */
        ReadOnlyIntegerProperty selectedProperty();

        /** Shows the charts of step i. */
        void select(int i);

        /** Takes tokenId at step stepIndex instead and continues from there. */
        void branch(int stepIndex, int tokenId);
    }

    private final Source vm;
    private final FlowPane flow = new FlowPane(2, 3);
    private final ScrollPane scroll = new ScrollPane(flow);
    private final List<Label> chips = new ArrayList<>();
    private int promptCount = -1;

    public TokenStrip(Source vm) {
        this.vm = vm;
        getStyleClass().add("token-strip");
        flow.setId("chips");
        flow.setPadding(new Insets(6));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(96);
        setCenter(scroll);
        setRight(legend());
        vm.history().addListener((ListChangeListener<StepResult>) c -> rebuild());
        vm.promptPieces().addListener((ListChangeListener<String>) c -> rebuild());
        vm.selectedProperty().addListener((obs, o, n) -> markSelected());
        flow.widthProperty().addListener((obs, o, n) -> flow.setPrefWrapLength(n.doubleValue()));
        // keep the newest token in view as the text grows
        flow.heightProperty().addListener((obs, o, n) -> scroll.setVvalue(scroll.getVmax()));
    }

    /** Updates the chips in place: only chips whose token changed are rebuilt. */
    private void rebuild() {
        List<javafx.scene.Node> nodes = flow.getChildren();
        if (promptCount != vm.promptPieces().size() || !promptMatches()) {
            nodes.clear();
            chips.clear();
            for (int i = 0; i < vm.promptPieces().size(); i++) {
                Label p = new Label(vm.promptPieces().get(i));
                p.getStyleClass().addAll("chip", "prompt-chip");
                if (vm.isSpecialPromptPiece(i)) {
                    p.getStyleClass().add("special-chip");
                    p.setTooltip(new javafx.scene.control.Tooltip("special token"));
                }
                nodes.add(p);
            }
            promptCount = vm.promptPieces().size();
        }
        List<StepResult> history = vm.history();
        while (chips.size() > history.size()) {
            nodes.remove(nodes.size() - 1);
            chips.remove(chips.size() - 1);
        }
        for (int i = 0; i < history.size(); i++) {
            StepResult step = history.get(i);
            if (i < chips.size()) {
                Label chip = chips.get(i);
                if (sameLook((StepResult) chip.getUserData(), step)) {
                    chip.setUserData(step);
                } else {
                    Label fresh = chip(step);
                    chips.set(i, fresh);
                    nodes.set(promptCount + i, fresh);
                }
            } else {
                Label fresh = chip(step);
                chips.add(fresh);
                nodes.add(fresh);
            }
        }
        markSelected();
    }

    private boolean promptMatches() {
        List<javafx.scene.Node> nodes = flow.getChildren();
        for (int i = 0; i < promptCount; i++) {
            if (!((Label) nodes.get(i)).getText().equals(vm.promptPieces().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameLook(StepResult a, StepResult b) {
        return a.index() == b.index()
                && a.tokenId() == b.tokenId()
                && a.forced() == b.forced()
                && a.trace().chosenRawProb() == b.trace().chosenRawProb()
                && a.trace().coin() == b.trace().coin()
                && a.trace().chosenProb() == b.trace().chosenProb();
    }

    private Label chip(StepResult step) {
        Label chip = new Label(step.piece());
        chip.setUserData(step);
        chip.getStyleClass().addAll("chip", "token-chip");
        if (step.forced()) {
            chip.getStyleClass().add("forced");
        }
        chip.setId("chip-" + step.index());
        shade(chip, step);
        // tooltip and branch menu are built on demand: building them for every chip is slow
        chip.setOnMouseEntered(
                e -> {
                    if (chip.getTooltip() == null) {
                        Tooltip tip =
                                new Tooltip(alternativesText((StepResult) chip.getUserData()));
                        tip.setShowDelay(Duration.millis(200));
                        tip.getStyleClass().add("mono-tooltip");
                        chip.setTooltip(tip);
                    }
                });
        chip.setOnMouseClicked(
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY) {
                        vm.select(((StepResult) chip.getUserData()).index());
                    }
                });
        // keyboard: Tab reaches each chip, Enter or Space opens its step, the context-menu key
        // (or Shift+F10) its branch menu
        chip.setFocusTraversable(true);
        chip.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
        chip.setAccessibleText(
                "step %d: %s".formatted(step.index() + 1, step.piece())
                        + (step.forced() ? ", chosen by you" : ""));
        chip.setOnKeyPressed(
                e -> {
                    if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                            || e.getCode() == javafx.scene.input.KeyCode.SPACE) {
                        vm.select(((StepResult) chip.getUserData()).index());
                        e.consume();
                    }
                });
        chip.setOnContextMenuRequested(
                e -> {
                    branchMenu((StepResult) chip.getUserData())
                            .show(chip, e.getScreenX(), e.getScreenY());
                    e.consume();
                });
        return chip;
    }

    /** The branch menu of a chip: the top-5 alternatives of its step. */
    public ContextMenu branchMenuOf(Label chip) {
        return branchMenu((StepResult) chip.getUserData());
    }

    private ContextMenu branchMenu(StepResult step) {
        ContextMenu menu = new ContextMenu();
        for (Candidate c : alternatives(step.trace(), 5)) {
            if (c.id() == step.tokenId()) {
                continue;
            }
            MenuItem item =
                    new MenuItem(
                            String.format(
                                    Locale.ROOT,
                                    "Branch: use %s instead (p = %.3f)",
                                    c.piece(),
                                    c.prob()));
            item.setOnAction(e -> vm.branch(step.index(), c.id()));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** The most likely tokens of a step under the model (raw, T = 1). */
    public static List<Candidate> alternatives(StepTrace trace, int count) {
        List<Candidate> all = new ArrayList<>(trace.raw().candidates());
        all.sort(Comparator.comparingDouble(Candidate::prob).reversed());
        return all.subList(0, Math.min(count, all.size()));
    }

    /** Tooltip text: the top-5 alternatives with raw and final probabilities. */
    public static String alternativesText(StepResult step) {
        StepTrace t = step.trace();
        StringBuilder sb = new StringBuilder();
        sb.append(
                String.format(
                        Locale.ROOT,
                        "step %d: %s  p = %.3f (model %.3f)%s%n",
                        step.index() + 1,
                        step.piece(),
                        t.chosenProb(),
                        t.chosenRawProb(),
                        step.forced() ? ", chosen by you" : ""));
        sb.append("top 5 under the model:");
        for (Candidate c : alternatives(t, 5)) {
            double fin = finalProb(t, c.id());
            sb.append(
                    String.format(
                            Locale.ROOT,
                            "%n  %-12s %.3f  → %.3f%s",
                            c.piece(),
                            c.prob(),
                            fin,
                            c.id() == step.tokenId() ? "  ◀" : ""));
        }
        sb.append("\nclick: show this step · right-click: branch");
        return sb.toString();
    }

    private static double finalProb(StepTrace t, int id) {
        for (Candidate c : t.finalDist().candidates()) {
            if (c.id() == id) {
                return c.prob();
            }
        }
        return 0;
    }

    private void markSelected() {
        int sel = vm.selectedProperty().get();
        for (int i = 0; i < chips.size(); i++) {
            Label chip = chips.get(i);
            chip.getStyleClass().remove("selected");
            if (i == sel) {
                chip.getStyleClass().add("selected");
            }
        }
    }

    private HBox legend() {
        Region bar = new Region();
        bar.setPrefSize(110, 12);
        bar.setMinSize(110, 12);
        bar.setMaxHeight(12);
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            stops.add(new Stop(i / 10.0, Palette.cividis(i / 10.0)));
        }
        bar.setBackground(
                new javafx.scene.layout.Background(
                        new javafx.scene.layout.BackgroundFill(
                                new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops),
                                null,
                                null)));
        Label lo = new Label("0");
        Label hi = new Label("1");
        Label caption = new Label("p(token) under the model");
        caption.getStyleClass().add("legend-caption");
        HBox scale = new HBox(4, lo, bar, hi);
        scale.setAlignment(Pos.CENTER);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, caption, scale);
        box.setAlignment(Pos.CENTER);
        HBox wrap = new HBox(box);
        wrap.setId("legend");
        wrap.setAlignment(Pos.CENTER);
        wrap.setPadding(new Insets(6, 10, 6, 10));
        return wrap;
    }

    public List<Label> chips() {
        return List.copyOf(chips);
    }

    /** Shades a chip by the chosen token's probability (cividis, readable text on top). */
    public static void shade(Label chip, StepResult step) {
        Color fill = Palette.cividis(step.trace().chosenRawProb());
        chip.setStyle(
                "-fx-background-color: "
                        + Palette.hex(fill)
                        + "; -fx-text-fill: "
                        + Palette.hex(Palette.textOn(fill))
                        + ";");
    }
}
