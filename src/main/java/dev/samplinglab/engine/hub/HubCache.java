package dev.samplinglab.engine.hub;

import java.nio.file.Path;

/**
 * Paths of the Hugging Face hub cache as {@code huggingface_hub} lays it out
 * (https://huggingface.co/docs/huggingface_hub/guides/manage-cache): per repository {@code
 * models--{org}--{name}/} with {@code refs/{revision}} (a commit hash), {@code blobs/{etag}} (file
 * contents, named by git sha1 or sha256), {@code snapshots/{commit}/{file}} (relative symlinks into
 * blobs, or plain copies where symlinks are off) and {@code .no_exist/{commit}/{file}} (files known
 * to be absent at that commit); locks under {@code .locks/models--{org}--{name}/{etag}.lock}.
 *
 * @param root the cache folder
 */
public record HubCache(Path root) {

    public Path repoDir(RepoId repo) {
        return root.resolve(repo.folderName());
    }

    public Path blobsDir(RepoId repo) {
        return repoDir(repo).resolve("blobs");
    }

    public Path blob(RepoId repo, String etag) {
        return blobsDir(repo).resolve(etag);
    }

    /** The partial download that a later run resumes. */
    public Path incompleteBlob(RepoId repo, String etag) {
        return blobsDir(repo).resolve(etag + ".incomplete");
    }

    public Path snapshotsDir(RepoId repo) {
        return repoDir(repo).resolve("snapshots");
    }

    public Path snapshot(RepoId repo, String commit) {
        return snapshotsDir(repo).resolve(commit);
    }

    public Path refsDir(RepoId repo) {
        return repoDir(repo).resolve("refs");
    }

    public Path ref(RepoId repo, String revision) {
        return refsDir(repo).resolve(revision);
    }

    public Path noExist(RepoId repo, String commit) {
        return repoDir(repo).resolve(".no_exist").resolve(commit);
    }

    public Path lock(RepoId repo, String etag) {
        return root.resolve(".locks").resolve(repo.folderName()).resolve(etag + ".lock");
    }
}
