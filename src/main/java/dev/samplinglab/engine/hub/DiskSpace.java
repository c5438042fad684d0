package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Free bytes where the cache is; tests stand in a small disk. */
@FunctionalInterface
public interface DiskSpace {

    /** The file system's usable space. */
    DiskSpace SYSTEM = dir -> Files.getFileStore(dir).getUsableSpace();

    long usable(Path dir) throws IOException;
}
