package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens the channel a download writes to; tests put a full disk behind it. */
@FunctionalInterface
public interface FileSink {

    /** Plain files: appends to what is there, or starts the file again. */
    FileSink FILES =
            (file, append) ->
                    FileChannel.open(
                            file,
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE,
                            append
                                    ? StandardOpenOption.APPEND
                                    : StandardOpenOption.TRUNCATE_EXISTING);

    /** A channel on {@code file}, at its end when {@code append}, else emptied. */
    WritableByteChannel open(Path file, boolean append) throws IOException;
}
