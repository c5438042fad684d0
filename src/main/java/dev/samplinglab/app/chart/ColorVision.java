package dev.samplinglab.app.chart;

import javafx.scene.paint.Color;

/**
 * How a colour looks to a dichromat, and how far apart two colours look: the simulation of Machado,
 * Oliveira and Fernandes (2009), "A Physiologically-based Model for Simulation of Color Vision
 * Deficiency" (https://doi.org/10.1109/TVCG.2009.113), severity 1.0, applied to linear sRGB; the
 * distance is CIE76 ΔE in CIELAB (D65). Used to check that the chart colours stay apart.
 */
public final class ColorVision {
    /**
     * The smallest ΔE (CIE76) two chart colours with different meanings may have, for every
     * deficiency: 15 is several times the just-noticeable difference (about 2.3), so the colours
     * read as different at a glance, not only side by side.
     */
    public static final double MIN_DELTA_E = 15;

    /** Colour vision, with the Machado et al. matrix for linear RGB at severity 1.0. */
    public enum Deficiency {
        NONE(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}),
        PROTANOPIA(
                new double[][] {
                    {0.152286, 1.052583, -0.204868},
                    {0.114503, 0.786281, 0.099216},
                    {-0.003882, -0.048116, 1.051998}
                }),
        DEUTERANOPIA(
                new double[][] {
                    {0.367322, 0.860646, -0.227968},
                    {0.280085, 0.672501, 0.047413},
                    {-0.011820, 0.042940, 0.968881}
                }),
        TRITANOPIA(
                new double[][] {
                    {1.255528, -0.076749, -0.178779},
                    {-0.078411, 0.930809, 0.147602},
                    {0.004733, 0.691367, 0.303900}
                });

        private final double[][] matrix;

        Deficiency(double[][] matrix) {
            this.matrix = matrix;
        }
    }

    private ColorVision() {}

    /** The colour as a viewer with {@code d} sees it. */
    public static Color simulate(Color c, Deficiency d) {
        double[] lin = {linear(c.getRed()), linear(c.getGreen()), linear(c.getBlue())};
        double[] out = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = 0;
            for (int j = 0; j < 3; j++) {
                v += d.matrix[i][j] * lin[j];
            }
            out[i] = gamma(Math.max(0, Math.min(1, v)));
        }
        return Color.color(out[0], out[1], out[2]);
    }

    /** CIE76 ΔE between two colours as a viewer with {@code d} sees them. */
    public static double deltaE(Color a, Color b, Deficiency d) {
        double[] la = lab(simulate(a, d));
        double[] lb = lab(simulate(b, d));
        return Math.sqrt(sq(la[0] - lb[0]) + sq(la[1] - lb[1]) + sq(la[2] - lb[2]));
    }

    /** CIELAB (D65) of an sRGB colour. */
    static double[] lab(Color c) {
        double r = linear(c.getRed());
        double g = linear(c.getGreen());
        double b = linear(c.getBlue());
        double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
        double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
        double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        double e = 6.0 / 29;
        return t > e * e * e ? Math.cbrt(t) : t / (3 * e * e) + 4.0 / 29;
    }

    private static double linear(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double gamma(double c) {
        return c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
    }

    private static double sq(double v) {
        return v * v;
    }
}
