package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.LowerCaseNamed;

/**
 * Starting points by use, from the tutorial's table (temperature, top-k, top-p). A preset is a
 * whole strategy: T, k and p as in the table; min-p, typical-p and the penalties off; the inclusive
 * top-p rule; the Hugging Face chain order. Options given with it (CLI) or changed after it (app)
 * override single fields.
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
    private final SamplingSettings settings;

    Preset(String cliName, boolean greedy, double temperature, int topK, double topP) {
        this.cliName = cliName;
        this.settings =
                SamplingSettings.builder()
                        .greedy(greedy)
                        .temperature(temperature)
                        .topK(topK)
                        .topP(topP)
                        .build();
    }

    public String cliName() {
        return cliName;
    }

    /** The whole strategy: T, k and p from the table, everything else off, HF order. */
    public SamplingSettings settings() {
        return settings;
    }

    /** Parses a preset name (case-insensitive). */
    public static Preset parse(String text) {
        return LowerCaseNamed.find(values(), Preset::cliName, text)
                .orElseThrow(
                        () ->
                                new BadInputException(
                                        "preset must be one of %s (got '%s')"
                                                .formatted(names(), text)));
    }

    /** "creative, general, ... or greedy". */
    public static String names() {
        return LowerCaseNamed.choices(values(), Preset::cliName);
    }
}
