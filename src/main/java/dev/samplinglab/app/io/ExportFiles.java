package dev.samplinglab.app.io;

import dev.samplinglab.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** What every export shares: writing a PNG; see {@link ExportSaver} for the saving itself. */
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

    /** Writes one export to a file. */
    @FunctionalInterface
    public interface Write {
        void to(Path file) throws IOException;
    }
}
