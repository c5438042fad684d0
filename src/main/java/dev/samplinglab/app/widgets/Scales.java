package dev.samplinglab.app.widgets;

/** Every slider scale of the app, so a parameter has the same range and steps in every tab. */
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

    public static final ParamRow.Scale TOP_K = ParamRow.Scale.linear(0, 200, 1, "%.0f");
    public static final ParamRow.Scale TOP_P = ParamRow.Scale.linear(0.01, 1, 0.01, "%.2f");
    public static final ParamRow.Scale MIN_P = ParamRow.Scale.linear(0, 1, 0.01, "%.2f");
    public static final ParamRow.Scale TYPICAL_P = ParamRow.Scale.linear(0.01, 1, 0.01, "%.2f");
    public static final ParamRow.Scale REPETITION_PENALTY =
            ParamRow.Scale.linear(1, 2, 0.01, "%.2f");
    public static final ParamRow.Scale FREQUENCY_PRESENCE_PENALTY =
            ParamRow.Scale.linear(0, 2, 0.01, "%.2f");
    public static final ParamRow.Scale PENALTY_WINDOW = ParamRow.Scale.linear(0, 512, 1, "%.0f");

    /** The playground's coin u in [0, 1). */
    public static final ParamRow.Scale COIN = ParamRow.Scale.linear(0, 0.999, 0.001, "%.3f");

    /** Run speed of the step window, steps per second. */
    public static final double SPEED_MIN = 0.5;

    public static final double SPEED_MAX = 20;

    /** Tokens the charts show. */
    public static final int SHOWN_MIN = 10;

    public static final int SHOWN_MAX = 100;

    /** The default number of tokens the charts show, in every tab. */
    public static final int SHOWN_DEFAULT = 25;
}
