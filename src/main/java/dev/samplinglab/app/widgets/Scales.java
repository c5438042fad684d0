package dev.samplinglab.app.widgets;

/** Non-linear slider scales. */
public final class Scales {
    private Scales() {}

    /**
     * Temperature 0.05 to 3 on a slider x in [-1, 1] with T = 1 + a·x³: the cube makes steps fine
     * around T = 1, where small changes matter most, and coarse at the ends.
     */
    public static final ParamRow.Scale TEMPERATURE =
            new ParamRow.Scale(
                    0.05, 3, 0.01, "%.2f", Scales::temperatureToX, Scales::xToTemperature);

    public static double xToTemperature(double x) {
        return x >= 0 ? 1 + 2 * x * x * x : 1 + 0.95 * x * x * x;
    }

    public static double temperatureToX(double t) {
        return t >= 1 ? Math.cbrt((t - 1) / 2) : -Math.cbrt((1 - t) / 0.95);
    }
}
