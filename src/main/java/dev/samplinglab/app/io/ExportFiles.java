package dev.samplinglab.app.io;

import dev.samplinglab.app.common.UserPrompts;
import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** What every export shares: where to save (asking before overwriting) and writing a PNG. */
public final class ExportFiles {
    private ExportFiles() {}

    /** Writes a PNG atomically. */
    public static void writePng(WritableImage image, Path file) throws IOException {
        var buffered = SwingFXUtils.fromFXImage(image, null);
        AtomicFiles.write(
                file,
                out -> {
                    if (!ImageIO.write(buffered, "png", out)) {
                        throw new IOException("no PNG writer available");
                    }
                });
    }

    /**
     * Asks where to save: adds {@code .ext} when the name has no extension and asks before
     * overwriting; null when the user cancels either question.
     */
    public static Path chooseTarget(
            UserPrompts prompts, String title, String ext, String suggested) {
        Path file = prompts.chooseSaveFile(title, ext, suggested);
        if (file == null) {
            return null;
        }
        if (!file.getFileName().toString().contains(".")) {
            file = file.resolveSibling(file.getFileName() + "." + ext);
        }
        if (Files.exists(file) && !prompts.confirmOverwrite(file)) {
            return null;
        }
        return file;
    }

    /** Writes one export to a file. */
    @FunctionalInterface
    public interface Write {
        void to(Path file) throws IOException;
    }
}
