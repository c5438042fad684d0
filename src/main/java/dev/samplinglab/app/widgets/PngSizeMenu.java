package dev.samplinglab.app.widgets;

import dev.samplinglab.app.io.PngSize;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/** The Export menu's "PNG size" choice: the fixed pixel size of PNG exports. */
public final class PngSizeMenu {
    private PngSizeMenu() {}

    /** A submenu of {@link PngSize#CHOICES} bound to {@code size}. */
    public static Menu of(ObjectProperty<PngSize> size) {
        Menu menu = new Menu();
        menu.textProperty().bind(size.map(s -> "PNG size: " + s));
        ToggleGroup group = new ToggleGroup();
        for (PngSize choice : PngSize.CHOICES) {
            RadioMenuItem item =
                    new RadioMenuItem(
                            choice + (choice.equals(PngSize.DEFAULT) ? " (default)" : ""));
            item.setToggleGroup(group);
            item.setSelected(choice.equals(size.get()));
            item.setOnAction(e -> size.set(choice));
            size.addListener((obs, o, n) -> item.setSelected(choice.equals(n)));
            menu.getItems().add(item);
        }
        return menu;
    }
}
