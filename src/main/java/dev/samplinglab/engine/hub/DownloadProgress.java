package dev.samplinglab.engine.hub;

import java.util.List;

/**
 * Where a download stands: the current file, each file, and the total, with the rate over the last
 * seconds and the time left at that rate.
 *
 * @param repo the repository
 * @param status what is happening now ("checking files", "downloading", "verifying ...", "done")
 * @param file the file being transferred (empty before the first)
 * @param files every file of the download
 * @param done bytes on disk over all files (resumed and skipped files included)
 * @param total bytes of all files
 * @param bytesPerSecond network rate over the last few seconds
 * @param secondsLeft time left at that rate; NaN when unknown
 */
public record DownloadProgress(
        RepoId repo,
        String status,
        String file,
        List<FileProgress> files,
        long done,
        long total,
        double bytesPerSecond,
        double secondsLeft) {

    /**
     * One file's progress.
     *
     * @param name the file
     * @param done bytes on disk
     * @param size its size
     */
    public record FileProgress(String name, long done, long size) {
        public double fraction() {
            return size <= 0 ? 1 : Math.min(1, (double) done / size);
        }
    }

    /** 0..1 over all files. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1, (double) done / total);
    }

    /** "120 MB of 270 MB · 11 MB/s · 0:14 left". */
    public String line() {
        return "%s of %s · %s · %s left"
                .formatted(
                        Sizes.bytes(done),
                        Sizes.bytes(total),
                        Sizes.rate(bytesPerSecond),
                        Sizes.duration(secondsLeft));
    }
}
