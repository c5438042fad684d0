package dev.samplinglab.app;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The window's menu bar, with a status area on its right. Features add their items to {@link
 * #file()} and their progress or status to {@link #statusArea()} (one call each, from their own
 * package); the bar folds away in presentation mode, like the rest of the chrome.
 */
public final class WindowMenu extends HBox {
    private final Menu file = new Menu("_File");
    private final HBox status = new HBox(8);

    public WindowMenu(ObservableBooleanValue presentation) {
        setId("window-menu");
        // the whole row looks like the menu bar; the bar itself draws no background of its own
        getStyleClass().addAll("window-menu", "menu-bar");
        MenuBar bar = new MenuBar(file);
        bar.setId("menu-bar");
        bar.setStyle("-fx-background-color: transparent; -fx-padding: 0;");
        file.setId("menu-file");
        HBox.setHgrow(bar, Priority.ALWAYS);
        status.setAlignment(Pos.CENTER_RIGHT);
        status.setStyle("-fx-padding: 0 8 0 8;");
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, status);
        visibleProperty().bind(Bindings.not(presentation));
        managedProperty().bind(visibleProperty());
    }

    /** The File menu. */
    public Menu file() {
        return file;
    }

    /** Right of the menus: progress and one-line status of what a menu command is doing. */
    public HBox statusArea() {
        return status;
    }
}
