package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.hub.DownloadProgress.FileProgress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Counts bytes per file and in total, measures the rate over a sliding window of a few seconds, and
 * reports to a listener at most ten times a second (and at every change of file or status).
 */
final class ProgressMeter {
    private static final long WINDOW_NANOS = 3_000_000_000L;
    private static final long REPORT_NANOS = 100_000_000L;

    private final RepoId repo;
    private final Consumer<DownloadProgress> listener;
    private final Map<String, long[]> files = new LinkedHashMap<>();
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private String status = "checking files";
    private String current = "";
    private long networkBytes;
    private long lastReport;

    ProgressMeter(RepoId repo, Consumer<DownloadProgress> listener) {
        this.repo = repo;
        this.listener = listener;
    }

    synchronized void addFile(String name, long size) {
        files.put(name, new long[] {0, size});
    }

    /** Sets how much of {@code name} is already on disk (a finished blob or a partial). */
    synchronized void setDone(String name, long done) {
        files.get(name)[0] = done;
        report(true);
    }

    synchronized void status(String status, String file) {
        this.status = status;
        this.current = file;
        report(true);
    }

    /** Bytes that arrived over the network for {@code name}. */
    synchronized void received(String name, long bytes) {
        files.get(name)[0] += bytes;
        networkBytes += bytes;
        report(false);
    }

    synchronized long networkBytes() {
        return networkBytes;
    }

    private void report(boolean force) {
        long now = System.nanoTime();
        samples.addLast(new long[] {now, networkBytes});
        while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW_NANOS) {
            samples.removeFirst();
        }
        if (!force && now - lastReport < REPORT_NANOS) {
            return;
        }
        lastReport = now;
        listener.accept(snapshot(now));
    }

    private DownloadProgress snapshot(long now) {
        List<FileProgress> list = new ArrayList<>();
        long done = 0;
        long total = 0;
        for (var e : files.entrySet()) {
            list.add(new FileProgress(e.getKey(), e.getValue()[0], e.getValue()[1]));
            done += e.getValue()[0];
            total += e.getValue()[1];
        }
        long[] first = samples.peekFirst();
        double seconds = (now - first[0]) / 1e9;
        double rate = seconds > 0.2 ? (networkBytes - first[1]) / seconds : 0;
        double left = rate > 0 ? (total - done) / rate : (done >= total ? 0 : Double.NaN);
        return new DownloadProgress(
                repo, status, current, List.copyOf(list), done, total, rate, left);
    }
}
