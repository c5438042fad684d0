package dev.samplinglab.engine.hub;

import java.nio.file.Path;
import java.util.List;

/**
 * A finished download.
 *
 * @param repo the repository
 * @param revision the revision asked for
 * @param commit the commit it resolved to
 * @param snapshotDir the model folder, ready to open
 * @param files the files in it
 * @param fetchedBytes bytes that came over the network (0 when everything was cached)
 */
public record DownloadResult(
        RepoId repo,
        String revision,
        String commit,
        Path snapshotDir,
        List<String> files,
        long fetchedBytes) {}
