package dev.samplinglab.app.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Opens a folder in the system's file manager ({@code xdg-open} on Linux, {@code open} on macOS,
 * Explorer on Windows), off the FX thread. Where there is none (a headless machine, a minimal
 * desktop) the user is told where the folder is instead.
 */
public final class FolderOpener {
    private FolderOpener() {}

    /** Opens {@code folder}; a failure reaches {@code onError} on the FX thread. */
    public static void open(Path folder, Consumer<String> onError) {
        List<String> command = command(System.getProperty("os.name", ""), folder);
        Thread opener =
                new Thread(
                        () -> {
                            try {
                                Process p = new ProcessBuilder(command).inheritIO().start();
                                // xdg-open exits non-zero when no application handles folders;
                                // Explorer
                                // exits 1 even when it opened the folder
                                if (p.waitFor() != 0 && command.get(0).equals("xdg-open")) {
                                    fail(folder, "no file manager answered", onError);
                                }
                            } catch (IOException e) {
                                fail(folder, "no file manager found", onError);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "open-folder");
        opener.setDaemon(true);
        opener.start();
    }

    static List<String> command(String osName, Path folder) {
        String os = osName.toLowerCase(Locale.ROOT);
        String path = folder.toString();
        if (os.contains("win")) {
            return List.of("explorer.exe", path);
        }
        if (os.contains("mac")) {
            return List.of("open", path);
        }
        return List.of("xdg-open", path);
    }

    private static void fail(Path folder, String why, Consumer<String> onError) {
        String message = "Could not open the folder (%s). The file is in %s".formatted(why, folder);
        Platform.runLater(() -> onError.accept(message));
    }
}
