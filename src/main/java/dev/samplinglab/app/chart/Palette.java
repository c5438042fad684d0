package dev.samplinglab.app.chart;

import javafx.scene.paint.Color;

/**
 * Colour-blind-safe colours: the cividis map for probabilities (Nuñez et al. 2018,
 * https://doi.org/10.1371/journal.pone.0199239) and the Okabe-Ito palette for series
 * (https://jfly.uni-koeln.de/color/).
 */
public final class Palette {
    private Palette() {}

    /** Cividis control points, from dark blue (0) to yellow (1). */
    private static final double[][] CIVIDIS = {
        {0.000, 0.135, 0.304},
        {0.173, 0.247, 0.425},
        {0.342, 0.360, 0.439},
        {0.485, 0.482, 0.471},
        {0.641, 0.609, 0.459},
        {0.812, 0.743, 0.390},
        {0.996, 0.910, 0.220}
    };

    public static final Color BLUE = Color.web("#0072B2");
    public static final Color SKY = Color.web("#56B4E9");
    public static final Color ORANGE = Color.web("#E69F00");
    public static final Color VERMILLION = Color.web("#D55E00");
    public static final Color GREEN = Color.web("#009E73");
    public static final Color PURPLE = Color.web("#CC79A7");

    /** The coin u on the CDF strip. */
    public static final Color COIN = Color.BLACK;

    /** The "rest of the vocabulary" bar and CDF segment. */
    public static final Color REST = Color.web("#9a9a9a");

    /** Hatching and outline of dropped bars (kept bars are solid). */
    public static final Color HATCH = Color.web("#6e6e6e");

    /** Cividis colour of a value in [0, 1] (clamped). */
    public static Color cividis(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        double pos = v * (CIVIDIS.length - 1);
        int i = Math.min((int) pos, CIVIDIS.length - 2);
        double f = pos - i;
        double[] a = CIVIDIS[i];
        double[] b = CIVIDIS[i + 1];
        return Color.color(
                a[0] + f * (b[0] - a[0]), a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]));
    }

    /** Black or white, whichever reads better on the given background. */
    public static Color textOn(Color background) {
        double luminance =
                0.2126 * background.getRed()
                        + 0.7152 * background.getGreen()
                        + 0.0722 * background.getBlue();
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** CSS hex form of a colour, for chips styled inline. */
    public static String hex(Color c) {
        return String.format(
                "#%02x%02x%02x",
                Math.round(c.getRed() * 255),
                Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
