package dev.samplinglab.engine.io;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One progress line on a stream (stderr): {@code label [##### ] 42% detail}. On a terminal it
 * redraws in place at most ten times a second; in a log file it prints a full line at each tenth of
 * the way and at the end, so logs stay short. Training, {@code bench} and {@code download} use it.
 */
public final class ProgressLine {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private long workStartNanos = startNanos;
    private String lastLabel;
    private int lastTenth = -1;
    private boolean open;

    /** A line on {@code out}, redrawn in place when the JVM has a console. */
    public ProgressLine(PrintStream out) {
        this(out, System.console() != null);
    }

    public ProgressLine(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    /** Shows {@code fraction} (0..1) of the work named {@code label}, with a detail after it. */
    public synchronized void update(String label, double fraction, String detail) {
        double f = Math.max(0, Math.min(1, fraction));
        if (!due(label, f)) {
            return;
        }
        int filled = (int) Math.round(f * WIDTH);
        String line =
                String.format(
                        Locale.ROOT,
                        "%-28s [%s%s] %3.0f%% %s",
                        label,
                        "#".repeat(filled),
                        " ".repeat(WIDTH - filled),
                        f * 100,
                        detail);
        if (terminal) {
            out.print("\r" + line + " ");
            open = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Shows {@code fraction} of the work named {@code label} with its elapsed time and ETA. */
    public synchronized void update(String label, double fraction) {
        if (!label.equals(lastLabel)) {
            workStartNanos = System.nanoTime();
        }
        double elapsed = (System.nanoTime() - workStartNanos) / 1e9;
        double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
        update(
                label,
                fraction,
                String.format(Locale.ROOT, "%5.0fs elapsed, ETA %4.0fs", elapsed, eta));
    }

    /** A full line (an eval result, a checkpoint) that the bar does not overwrite. */
    public synchronized void note(String message) {
        out.print(terminal && open ? "\r" + message + "\n" : message + "\n");
        open = false;
        out.flush();
    }

    /** Ends the line being redrawn, if any. */
    public synchronized void finish() {
        if (open) {
            out.println();
            open = false;
        }
    }

    /** Seconds since this line was created. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Seconds as {@code h:mm:ss}. */
    public static String clock(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private boolean due(String label, double f) {
        boolean newWork = !label.equals(lastLabel);
        lastLabel = label;
        if (terminal) {
            long now = System.nanoTime();
            if (!newWork && f < 1 && now - lastDraw < REDRAW_NANOS) {
                return false;
            }
            lastDraw = now;
            return true;
        }
        int tenth = (int) Math.floor(f * 10);
        if (!newWork && tenth <= lastTenth) {
            return false;
        }
        lastTenth = tenth;
        return true;
    }
}
