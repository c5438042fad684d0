package dev.samplinglab.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A saved export is confirmed by a notification (not a dialog) offering to open the folder. */
@ExtendWith(ApplicationExtension.class)
class SavedNoticeTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 800, 500));
        stage.show();
    }

    @Test
    void aSavedFileShowsANotificationWithOpenFolder(FxRobot robot) throws Exception {
        Path file = Path.of("/tmp/exports/history.csv");
        robot.interact(() -> new FxPrompts(stage).saved(file));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> notice() != null);
        Parent notice = notice();
        assertThat(texts(notice)).anyMatch(t -> t.contains("Saved history.csv"));
        assertThat(texts(notice)).anyMatch(t -> t.contains("/tmp/exports"));
        assertThat(notice.lookupAll(".button"))
                .anyMatch(
                        b -> b instanceof Button button && button.getText().equals("Open folder"));
    }

    @Test
    void openFolderUsesTheSystemFileManager() {
        assertThat(FolderOpener.command("Linux", Path.of("/tmp")))
                .containsExactly("xdg-open", "/tmp");
        assertThat(FolderOpener.command("Mac OS X", Path.of("/tmp")))
                .containsExactly("open", "/tmp");
        assertThat(FolderOpener.command("Windows 11", Path.of("C:/x")).get(0))
                .isEqualTo("explorer.exe");
    }

    /** The root of a shown window other than the stage: the notification's popup. */
    private Parent notice() {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != stage && w.isShowing() && w.getScene() != null) {
                Parent root = w.getScene().getRoot();
                if (!texts(root).isEmpty()) {
                    return root;
                }
            }
        }
        return null;
    }

    private static List<String> texts(Parent root) {
        return root.lookupAll(".label").stream()
                .filter(n -> n instanceof Labeled)
                .map(n -> ((Labeled) n).getText())
                .filter(t -> t != null && !t.isEmpty())
                .toList();
    }
}
