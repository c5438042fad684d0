package dev.samplinglab.engine.hub;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One file of a repository as the Hub describes it in the headers of {@code HEAD
 * {endpoint}/{repo}/resolve/{revision}/{file}}.
 *
 * @param name the path in the repository, e.g. {@code model.safetensors}
 * @param commit {@code X-Repo-Commit}
 * @param etag {@code X-Linked-Etag} (the sha256 of an LFS file) or {@code ETag} (the git blob sha1
 *     of a small file), quotes removed; the blob's file name in the cache
 * @param size {@code X-Linked-Size} or {@code Content-Length}
 * @param location where to GET the bytes (the redirect target for LFS files)
 */
public record RemoteFile(String name, String commit, String etag, long size, URI location) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern SHA1 = Pattern.compile("[0-9a-f]{40}");

    /** An LFS file: the etag is the sha256 of the content. */
    public boolean isSha256() {
        return SHA256.matcher(etag).matches();
    }

    /** A small git file: the etag is the git blob sha1 of the content. */
    public boolean isGitSha1() {
        return SHA1.matcher(etag).matches();
    }

    /** huggingface_hub's {@code _normalize_etag}: no weak prefix, no quotes. */
    static String normalizeEtag(String etag) {
        String e = etag.strip();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.replace("\"", "");
    }
}
