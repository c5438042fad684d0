package dev.samplinglab.app.common;

import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Real dialogs: alerts, file and folder choosers owned by the main window. */
public final class FxPrompts implements UserPrompts {
    private final Window owner;
    private File lastDir;

    public FxPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public void error(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(480);
        alert.showAndWait();
    }

    @Override
    public boolean confirmOverwrite(Path file) {
        Alert alert =
                new Alert(
                        Alert.AlertType.CONFIRMATION,
                        file + " already exists. Replace it?",
                        ButtonType.YES,
                        ButtonType.NO);
        alert.initOwner(owner);
        alert.setTitle("Replace file?");
        alert.setHeaderText("Replace " + file.getFileName() + "?");
        return alert.showAndWait().filter(ButtonType.YES::equals).isPresent();
    }

    @Override
    public Path chooseSaveFile(String title, String extension, String suggestedName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters()
                .add(
                        new FileChooser.ExtensionFilter(
                                extension.toUpperCase() + " files", "*." + extension));
        if (lastDir != null && lastDir.isDirectory()) {
            chooser.setInitialDirectory(lastDir);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return null;
        }
        lastDir = file.getParentFile();
        return file.toPath();
    }

    @Override
    public void saved(Path file) {
        SavedNotice.show(owner, file, message -> error("Open folder", message));
    }

    @Override
    public Path chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File dir = chooser.showDialog(owner);
        return dir == null ? null : dir.toPath();
    }
}
