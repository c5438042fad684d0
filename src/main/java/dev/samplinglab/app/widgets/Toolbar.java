package dev.samplinglab.app.widgets;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The parts the command bars of the step window and the compare tab are made of. */
public final class Toolbar {
    private Toolbar() {}

    /** A command button that keeps the keyboard focus where it is (the shortcuts stay live). */
    public static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** "working…", visible while model work is queued or running. */
    public static Label busyLabel(ObservableBooleanValue busy) {
        Label label = new Label("working…");
        label.getStyleClass().add("busy");
        label.visibleProperty().bind(busy);
        label.managedProperty().bind(busy); // takes no width while idle
        return label;
    }

    /**
     * Makes a command bar degrade without cutting words: every button and label keeps its whole
     * text (never "St…"); what gives way at narrow widths are the sliders (down to {@code
     * SLIDER_MIN} pixels) and the free space.
     */
    public static void keepWhole(Parent bar) {
        for (Node n : bar.getChildrenUnmodifiable()) {
            if (n instanceof Labeled l) {
                l.setMinWidth(Region.USE_PREF_SIZE);
            } else if (n instanceof Slider s) {
                s.setMinWidth(SLIDER_MIN);
            } else if (n instanceof Parent p && !(n instanceof Control)) {
                keepWhole(p);
            }
        }
    }

    /** The narrowest a toolbar slider gets. */
    public static final double SLIDER_MIN = 56;

    /** Takes the free width of an HBox (pushes what follows to the right). */
    public static Region spacer() {
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return grow;
    }
}
