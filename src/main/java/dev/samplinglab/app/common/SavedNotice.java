package dev.samplinglab.app.common;

import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * "Saved": a ControlsFX notification in the corner of the window, which goes away by itself and
 * offers to open the folder of the file (it never stops the user the way a dialog would).
 */
public final class SavedNotice {
    static final String OPEN_FOLDER = "Open folder";

    private SavedNotice() {}

    /**
     * Shows the notice for {@code file} over {@code owner}; a folder that cannot be opened is
     * reported through {@code onError} (on the FX thread).
     */
    public static void show(Window owner, Path file, Consumer<String> onError) {
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        Notifications.create()
                .owner(owner)
                .title("Saved " + absolute.getFileName())
                .text("in " + folder)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(8))
                .action(new Action(OPEN_FOLDER, e -> FolderOpener.open(folder, onError)))
                .showInformation();
    }
}
