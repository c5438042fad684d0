package dev.samplinglab.app.widgets;

import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.controlsfx.control.ToggleSwitch;

/**
 * An on/off setting (greedy, common random numbers, chat mode, beam search) as a ControlsFX {@link
 * ToggleSwitch} bound both ways to its property.
 */
public final class Switches {
    private Switches() {}

    /**
     * @param id the node id
     * @param text the label beside the switch
     * @param tip what switching it on does
     * @param value the setting it shows and changes
     */
    public static ToggleSwitch of(String id, String text, String tip, BooleanProperty value) {
        ToggleSwitch toggle = new ToggleSwitch(text);
        toggle.setId(id);
        toggle.getStyleClass().add("setting-switch");
        toggle.selectedProperty().bindBidirectional(value);
        toggle.setTooltip(new Tooltip(tip));
        // the skin toggles on the thumb only; a click on the text toggles too, as a CheckBox's does
        toggle.addEventHandler(
                MouseEvent.MOUSE_CLICKED,
                e -> {
                    if (e.getButton() == MouseButton.PRIMARY && !onThumb(e, toggle)) {
                        toggle.setSelected(!toggle.isSelected());
                    }
                });
        return toggle;
    }

    private static boolean onThumb(MouseEvent e, ToggleSwitch toggle) {
        for (Node n = e.getPickResult().getIntersectedNode();
                n != null && n != toggle;
                n = n.getParent()) {
            if (n.getStyleClass().contains("thumb-area") || n.getStyleClass().contains("thumb")) {
                return true;
            }
        }
        return false;
    }
}
