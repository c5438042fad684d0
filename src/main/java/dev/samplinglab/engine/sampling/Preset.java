package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Starting points by use, from the tutorial's table (temperature, top-k, top-p). A preset sets the
 * greedy switch, T, k and p and turns min-p and typical-p off; penalties, the top-p rule and the
 * chain order are left as they were.
 */
public enum Preset {
    CREATIVE("creative", false, 1.3, 80, 0.95),
    GENERAL("general", false, 0.9, 45, 0.9),
    FAITHFUL("faithful", false, 0.6, 35, 0.88),
    QA("qa", false, 0.7, 40, 0.9),
    CODE("code", false, 0.5, 50, 0.95),
    DIALOGUE("dialogue", false, 0.9, 40, 0.9),
    GREEDY("greedy", true, Temperature.OFF, TopK.OFF, TopP.OFF);

    private final String cliName;
    private final boolean greedy;
    private final double temperature;
    private final int topK;
    private final double topP;

    Preset(String cliName, boolean greedy, double temperature, int topK, double topP) {
        this.cliName = cliName;
        this.greedy = greedy;
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
    }

    public String cliName() {
        return cliName;
    }

    public boolean greedy() {
        return greedy;
    }

    public double temperature() {
        return temperature;
    }

    public int topK() {
        return topK;
    }

    public double topP() {
        return topP;
    }

    /** This preset on top of {@code base} (penalties, rule and order kept from base). */
    public SamplingSettings applyTo(SamplingSettings base) {
        return base.toBuilder().preset(this).build();
    }

    /** This preset on top of {@link SamplingSettings#neutral()}. */
    public SamplingSettings settings() {
        return applyTo(SamplingSettings.neutral());
    }

    /** Parses a preset name (case-insensitive). */
    public static Preset parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Preset preset : values()) {
            if (preset.cliName.equals(t)) {
                return preset;
            }
        }
        throw new BadInputException(
                "preset must be one of "
                        + Arrays.stream(values())
                                .map(Preset::cliName)
                                .collect(Collectors.joining(", "))
                        + " (got '"
                        + text
                        + "')");
    }
}
