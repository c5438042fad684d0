package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks a downloaded file against its etag: the sha256 of the content for LFS files, the git blob
 * sha1 ({@code sha1("blob " + size + "\0" + content)},
 * https://git-scm.com/book/en/v2/Git-Internals-Git-Objects) for small files.
 */
final class BlobVerifier {
    private static final int CHUNK = 1 << 20;

    private BlobVerifier() {}

    /** The mismatch as "sha256 ... expected X, got Y", or empty when the file matches. */
    static Optional<String> mismatch(Path file, RemoteFile remote, CancelSignal cancel)
            throws IOException {
        if (!remote.isSha256() && !remote.isGitSha1()) {
            return Optional.empty();
        }
        MessageDigest md = digest(remote.isSha256() ? "SHA-256" : "SHA-1");
        if (remote.isGitSha1()) {
            md.update("blob %d\0".formatted(Files.size(file)).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] buf = new byte[CHUNK];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                cancel.check();
            }
        }
        String got = HexFormat.of().formatHex(md.digest());
        if (got.equals(remote.etag())) {
            return Optional.empty();
        }
        return Optional.of(
                "%s mismatch (expected %s, got %s)"
                        .formatted(remote.isSha256() ? "sha256" : "git sha1", remote.etag(), got));
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JVM", e);
        }
    }
}
