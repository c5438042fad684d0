package dev.samplinglab.app.chart;

/** Y-axis helpers: a rounded maximum so tick labels stay short. */
final class ChartScale {
    private ChartScale() {}

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
