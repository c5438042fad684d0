package dev.samplinglab.app.chart;

/** Y-axis helpers: a rounded maximum so tick labels stay short. */
public final class ChartScale {
    private ChartScale() {}

    /** Largest bar or ghost value of a chart (the rest bar may clip). */
    static double max(ChartData data) {
        return max(data.values(), data.ghosts());
    }

    /** One nice maximum over several charts: the shared probability scale. */
    public static double sharedMax(java.util.Collection<ChartData> charts) {
        double max = 0;
        for (ChartData c : charts) {
            max = Math.max(max, max(c));
        }
        return niceMax(max);
    }

    static double max(double[] values, double[] ghosts) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        if (ghosts != null) {
            for (double v : ghosts) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** Smallest of 1, 2, 2.5, 5 times a power of ten that is at least v (at most 1). */
    static double niceMax(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v - 1e-12) {
                return Math.min(1, m * p);
            }
        }
        return 1;
    }
}
