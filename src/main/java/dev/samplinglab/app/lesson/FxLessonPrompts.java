package dev.samplinglab.app.lesson;

import dev.samplinglab.engine.lesson.LessonJson;
import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The lesson dialogs as real JavaFX dialogs owned by the main window. */
public final class FxLessonPrompts implements LessonPrompts {
    private static final ButtonType OPEN_FOLDER =
            new ButtonType("Open folder…", ButtonBar.ButtonData.LEFT);
    private static final ButtonType GET_MODEL =
            new ButtonType("Get a model…", ButtonBar.ButtonData.OTHER);
    private static final ButtonType REPLAY =
            new ButtonType("Replay anyway", ButtonBar.ButtonData.YES);

    private final Window owner;
    private File lastDir;

    public FxLessonPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public Path chooseLessonToOpen() {
        File file = chooser("Open lesson").showOpenDialog(owner);
        return remember(file);
    }

    @Override
    public Path chooseLessonToSave(String suggestedName) {
        FileChooser chooser = chooser("Save lesson");
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner));
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters()
                .addAll(
                        new FileChooser.ExtensionFilter(
                                "Sampling Lab lessons", "*." + LessonJson.EXTENSION),
                        new FileChooser.ExtensionFilter("JSON files", "*.json"));
        if (lastDir != null && lastDir.isDirectory()) {
            chooser.setInitialDirectory(lastDir);
        }
        return chooser;
    }

    private Path remember(File file) {
        if (file == null) {
            return null;
        }
        lastDir = file.getParentFile();
        return file.toPath();
    }

    @Override
    public MissingModelChoice modelMissing(String message) {
        Optional<ButtonType> answer =
                ask(
                        Alert.AlertType.WARNING,
                        "The lesson's model is missing",
                        message,
                        OPEN_FOLDER,
                        GET_MODEL,
                        ButtonType.CANCEL);
        if (answer.filter(OPEN_FOLDER::equals).isPresent()) {
            return MissingModelChoice.OPEN_FOLDER;
        }
        return answer.filter(GET_MODEL::equals).isPresent()
                ? MissingModelChoice.GET_MODEL
                : MissingModelChoice.CANCEL;
    }

    @Override
    public Path chooseModelFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("The lesson's model folder");
        File dir = chooser.showDialog(owner);
        return dir == null ? null : dir.toPath();
    }

    @Override
    public boolean replayOnOtherModel(String message) {
        return ask(
                        Alert.AlertType.CONFIRMATION,
                        "A different model",
                        message,
                        REPLAY,
                        ButtonType.CANCEL)
                .filter(REPLAY::equals)
                .isPresent();
    }

    @Override
    public void error(String title, String message) {
        ask(Alert.AlertType.ERROR, title, message, ButtonType.OK);
    }

    private Optional<ButtonType> ask(
            Alert.AlertType type, String title, String message, ButtonType... buttons) {
        Alert alert = new Alert(type, "", buttons);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(title);
        Label text = new Label(message);
        text.setId("lesson-dialog-text");
        text.setWrapText(true);
        // a wrapped label needs a width to wrap at; hashes stay whole on their lines
        text.setPrefWidth(620);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.getDialogPane().setContent(text);
        alert.getDialogPane().setPrefWidth(680);
        return alert.showAndWait();
    }
}
