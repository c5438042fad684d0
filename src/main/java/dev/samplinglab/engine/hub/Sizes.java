package dev.samplinglab.engine.hub;

import java.util.Locale;

/** Human-readable byte counts, parameter counts, rates and durations. */
public final class Sizes {
    private Sizes() {}

    /** 548 MB, 1.1 GB, 12 kB, 300 B (decimal units, as the Hub shows sizes). */
    public static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** 124M, 1.1B, 494M. */
    public static String params(long n) {
        if (n >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1fB", n / 1e9);
        }
        if (n >= 1_000_000L) {
            return String.format(Locale.ROOT, "%.0fM", n / 1e6);
        }
        if (n >= 1000) {
            return String.format(Locale.ROOT, "%.0fk", n / 1e3);
        }
        return Long.toString(n);
    }

    /** 12.3 MB/s. */
    public static String rate(double bytesPerSecond) {
        return bytes((long) bytesPerSecond) + "/s";
    }

    /** 1:05:07, 3:04 or 0:09; "--:--" when unknown. */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        if (s >= 3600) {
            return "%d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60);
        }
        return "%d:%02d".formatted(s / 60, s % 60);
    }
}
