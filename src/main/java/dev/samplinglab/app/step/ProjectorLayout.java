package dev.samplinglab.app.step;

import dev.samplinglab.app.widgets.Toolbar;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The pieces of the step window's projector layout: a slim strip that unfolds the controls, and a
 * side column with the commands, the status line and the generated text.
 */
final class ProjectorLayout {
    static final double SIDE_WIDTH = 360;
    private final ToggleButton unfold = new ToggleButton("☰");
    private final VBox side = new VBox(8);
    private final FlowPane commands = new FlowPane(6, 6);
    private final HBox slim = new HBox();
    private HBox statusRow; // the normal layout's status row, given back on release()
    private VBox status;
    private Node controls;

    ProjectorLayout(Runnable step, Runnable back, Runnable run, Runnable reset, StepViewModel vm) {
        unfold.setId("unfold-controls");
        unfold.setFocusTraversable(false);
        unfold.setTooltip(new Tooltip("Show or hide the controls"));
        unfold.selectedProperty().addListener((obs, o, on) -> unfold(on));
        Button stepB = Toolbar.button("p-step", "Step ▶", "Decode the next token (→)", step);
        Button backB = Toolbar.button("p-back", "◀ Back", "Remove the last token (←)", back);
        Button runB = Toolbar.button("p-run", "Run", "Run / pause (Enter)", run);
        runB.textProperty()
                .bind(Bindings.when(vm.runningProperty()).then("Pause").otherwise("Run"));
        Button resetB = Toolbar.button("p-reset", "Reset", "Start again (Ctrl+R)", reset);
        Button exit =
                Toolbar.button(
                        "p-exit",
                        "✕",
                        "Leave presentation mode (F11)",
                        () -> vm.presentationProperty().set(false));
        commands.getChildren().setAll(stepB, backB, runB, resetB, exit);
        commands.getStyleClass().add("toolbar");
        commands.setPadding(new Insets(6));
        side.setId("projector-side");
        side.getStyleClass().add("projector-side");
        side.setPrefWidth(SIDE_WIDTH);
        side.setMinWidth(SIDE_WIDTH);
        side.setMaxWidth(SIDE_WIDTH);
        side.setPadding(new Insets(0, 6, 6, 6));
        slim.setId("projector-slim");
        slim.getStyleClass().add("projector-slim");
        VBox strip = new VBox(unfold);
        strip.setAlignment(Pos.TOP_CENTER);
        strip.setPadding(new Insets(6, 4, 6, 4));
        slim.getChildren().setAll(strip);
    }

    /** Adds a command before the exit button. */
    void addCommand(Node command) {
        commands.getChildren().add(commands.getChildren().size() - 1, command);
    }

    /** The slim strip; its button shows {@code controls} beside it. */
    Node slimControls(Node controls) {
        unfold.setSelected(false);
        this.controls = controls;
        return slim;
    }

    private void unfold(boolean on) {
        if (controls == null) {
            return;
        }
        if (on) {
            slim.getChildren().add(controls);
        } else {
            slim.getChildren().remove(controls);
        }
    }

    /** The side column: commands, status, then the text filling the rest. */
    Node side(HBox statusRow, Node text) {
        statusRow.getChildren().forEach(n -> n.setManaged(true));
        VBox status = new VBox(4);
        status.getChildren().setAll(statusRow.getChildren());
        status.getChildren()
                .forEach(n -> ((javafx.scene.control.Control) n).setMaxWidth(SIDE_WIDTH - 24));
        status.setId("projector-status");
        Label textTitle = new Label("Text so far");
        textTitle.getStyleClass().add("section-title");
        VBox.setVgrow(text, Priority.ALWAYS);
        side.getChildren().setAll(commands, status, textTitle, text);
        this.statusRow = statusRow;
        this.status = status;
        return side;
    }

    /** Gives the status row its children back when presentation mode ends. */
    void release() {
        unfold.setSelected(false);
        controls = null;
        if (statusRow != null && status != null) {
            status.getChildren()
                    .forEach(
                            n ->
                                    ((javafx.scene.control.Control) n)
                                            .setMaxWidth(
                                                    n instanceof Label
                                                            ? Double.MAX_VALUE
                                                            : Region.USE_COMPUTED_SIZE));
            statusRow.getChildren().setAll(status.getChildren());
        }
        side.getChildren().clear();
    }
}
