package dev.samplinglab.cli;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn in place. */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();
    private long lastDraw;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Redraws at most 10 times a second (and always at 100 %). */
    void update(String label, long done, long total) {
        long now = System.nanoTime();
        if (done < total && now - lastDraw < 100_000_000L) {
            return;
        }
        lastDraw = now;
        double frac = total == 0 ? 1 : (double) done / total;
        int filled = (int) Math.round(frac * WIDTH);
        double elapsed = (now - startNanos) / 1e9;
        double eta = frac > 0 ? elapsed * (1 - frac) / frac : 0;
        out.printf(
                "\r%-28s [%s%s] %3.0f%% %5.0fs elapsed, ETA %4.0fs ",
                label, "#".repeat(filled), " ".repeat(WIDTH - filled), frac * 100, elapsed, eta);
        out.flush();
    }

    void finish() {
        out.println();
    }
}
