package dev.samplinglab.engine.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir Path dir;

    @Test
    void writesAndReplacesLeavingNoTemporaryFile() throws Exception {
        Path f = dir.resolve("a.csv");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertThat(Files.readString(f)).isEqualTo("two");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }

    @Test
    void newFilesAreReadableByOthersLikeOrdinaryFiles() throws Exception {
        Path f = dir.resolve("b.png");
        AtomicFiles.writeString(f, "x");
        if (Files.getFileStore(f).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "old");
        assertThatThrownBy(
                        () ->
                                AtomicFiles.write(
                                        f,
                                        out -> {
                                            out.write("half".getBytes());
                                            throw new IOException("disk full");
                                        }))
                .hasMessage("disk full");
        assertThat(Files.readString(f)).isEqualTo("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(f);
        }
    }
}
