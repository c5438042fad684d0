package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes the snapshot side of the cache: {@code snapshots/{commit}/{file}} as a relative symlink to
 * {@code blobs/{etag}} (a copy where the file system refuses symlinks, as {@code huggingface_hub}
 * does on Windows), {@code .no_exist/{commit}/{file}} markers and {@code refs/{revision}}. Every
 * entry appears by an atomic rename, so a reader never sees half of one.
 */
final class SnapshotWriter {
    private final HubCache cache;
    private final RepoId repo;

    SnapshotWriter(HubCache cache, RepoId repo) {
        this.cache = cache;
        this.repo = repo;
    }

    /** Points {@code snapshots/{commit}/{name}} at the blob of {@code etag}. */
    void link(String commit, String name, String etag) throws IOException {
        Path target = cache.snapshot(repo, commit).resolve(name);
        Files.createDirectories(target.getParent());
        Path blob = cache.blob(repo, etag);
        Path tmp =
                target.resolveSibling(
                        ".%s.%s.tmp".formatted(target.getFileName(), UUID.randomUUID()));
        try {
            Files.createSymbolicLink(tmp, target.getParent().relativize(blob));
        } catch (UnsupportedOperationException | FileSystemException e) {
            Files.deleteIfExists(tmp);
            Files.copy(blob, tmp);
        }
        Files.move(
                tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Records that {@code name} does not exist at {@code commit}. */
    void markMissing(String commit, String name) throws IOException {
        Path marker = cache.noExist(repo, commit).resolve(name);
        Files.createDirectories(marker.getParent());
        if (!Files.exists(marker)) {
            Files.createFile(marker);
        }
    }

    /** Writes {@code refs/{revision}} = commit, unless the revision is the commit itself. */
    void writeRef(String revision, String commit) throws IOException {
        if (revision.equals(commit)) {
            return;
        }
        Path ref = cache.ref(repo, revision);
        Files.createDirectories(ref.getParent());
        Path tmp = ref.resolveSibling(".%s.%s.tmp".formatted(ref.getFileName(), UUID.randomUUID()));
        Files.writeString(tmp, commit, StandardCharsets.UTF_8);
        Files.move(tmp, ref, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
