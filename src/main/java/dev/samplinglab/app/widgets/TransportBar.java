package dev.samplinglab.app.widgets;

import dev.samplinglab.app.common.LabTab;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.layout.HBox;

/**
 * Step / Back / Run / Reset for a tab that decodes (the step window, the compare tab): the buttons
 * call the tab's commands, the same ones the keys reach, and Run reads Pause while running. A tab
 * adds its own controls after the four buttons.
 */
public final class TransportBar extends HBox {
    /**
     * What the buttons say in their tooltips, for one tab.
     *
     * @param step what Step does
     * @param back what Back does
     * @param reset what Reset does
     */
    public record Tips(String step, String back, String reset) {}

    /**
     * @param idPrefix with {@code idSuffix} around the buttons' ids: ("cmp-", "") gives "cmp-step",
     *     ("", "-button") gives "step-button"
     * @param idSuffix see idPrefix
     * @param tab the commands
     * @param running whether Run is on (the button then reads Pause)
     * @param tips the tooltips
     */
    public TransportBar(
            String idPrefix,
            String idSuffix,
            LabTab tab,
            ObservableBooleanValue running,
            Tips tips) {
        super(8);
        String[] ids = {idPrefix, idSuffix};
        Button run =
                button(ids, "run", "Run", "Run / pause automatic stepping (Enter)", tab::toggleRun);
        run.textProperty().bind(Bindings.when(running).then("Pause").otherwise("Run"));
        getChildren()
                .addAll(
                        button(ids, "step", "Step ▶", tips.step() + " (→ or Space)", tab::step),
                        button(ids, "back", "◀ Back", tips.back() + " (← or Backspace)", tab::back),
                        run,
                        button(ids, "reset", "Reset", tips.reset() + " (Ctrl+R)", tab::reset));
        getStyleClass().add("toolbar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
    }

    private static Button button(
            String[] ids, String name, String text, String tip, Runnable action) {
        return Toolbar.button(ids[0] + name + ids[1], text, tip, action);
    }
}
