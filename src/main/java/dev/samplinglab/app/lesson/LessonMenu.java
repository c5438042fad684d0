package dev.samplinglab.app.lesson;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;

/**
 * The lesson items of the File menu: Save lesson… (Ctrl+S), Open lesson… (Ctrl+O) and Recent
 * lessons, and the lesson's progress and status line in the menu bar's status area.
 */
public final class LessonMenu {
    private LessonMenu() {}

    /** Adds the items to {@code file} and the status to {@code status}. */
    public static void install(LessonViewModel vm, Menu file, HBox status) {
        MenuItem save = item("menu-save-lesson", "Save lesson…", "Shortcut+S", vm::saveChosen);
        MenuItem open = item("menu-open-lesson", "Open lesson…", "Shortcut+O", vm::openChosen);
        Menu recent = new Menu("Recent lessons");
        recent.setId("menu-recent-lessons");
        // filled when the File menu opens, so it always shows the list file as it is now
        recent.getItems().add(new MenuItem("(none)"));
        file.addEventHandler(Menu.ON_SHOWING, e -> fillRecent(recent, vm));
        save.disableProperty().bind(vm.busyProperty());
        open.disableProperty().bind(vm.busyProperty());
        recent.disableProperty().bind(vm.busyProperty());
        if (!file.getItems().isEmpty()) {
            file.getItems().add(new SeparatorMenuItem());
        }
        file.getItems().addAll(open, recent, save);
        status.getChildren().addAll(progress(vm), statusLine(vm));
    }

    private static MenuItem item(String id, String text, String keys, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(keys));
        item.setOnAction(e -> action.run());
        return item;
    }

    static void fillRecent(Menu recent, LessonViewModel vm) {
        List<Path> paths = vm.recentLessons();
        recent.getItems().clear();
        if (paths.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recent.getItems().add(none);
            return;
        }
        for (Path p : paths) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.open(p));
            recent.getItems().add(item);
        }
    }

    private static ProgressBar progress(LessonViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("lesson-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(vm.busyProperty());
        return bar;
    }

    private static Label statusLine(LessonViewModel vm) {
        Label label = new Label();
        label.setId("lesson-status");
        label.textProperty().bind(vm.statusProperty());
        label.setMaxWidth(640);
        return label;
    }
}
