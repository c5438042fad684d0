package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.hub.HubException.Kind;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;

/** One-line messages for failures writing into the cache: a full disk, a read-only folder. */
final class WriteErrors {
    private WriteErrors() {}

    static HubException of(Throwable e, Path file) {
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        Path dir = file.getParent() == null ? file : file.getParent();
        if (msg.contains("no space left")
                || msg.contains("not enough space")
                || msg.contains("disk full")
                || msg.contains("quota exceeded")) {
            return new HubException(
                    Kind.DISK_FULL,
                    "disk full while writing %s in %s: free some space, then run the download again to resume"
                            .formatted(file.getFileName(), dir),
                    e);
        }
        if (e instanceof AccessDeniedException
                || e instanceof ReadOnlyFileSystemException
                || msg.contains("read-only file system")
                || msg.contains("permission denied")) {
            return new HubException(
                    Kind.READ_ONLY,
                    "the cache folder %s is read-only: set HF_HUB_CACHE (or --cache-dir) to a writable folder"
                            .formatted(dir),
                    e);
        }
        return new HubException(
                Kind.WRITE_FAILED,
                "cannot write %s: %s"
                        .formatted(file, e instanceof IOException ? e.toString() : e.getMessage()),
                e);
    }
}
