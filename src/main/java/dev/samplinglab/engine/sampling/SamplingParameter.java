package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The parameters of {@link SamplingSettings} as text names them: the command-line options are made
 * from this list. Each parses its text and sets the value on a {@link SamplingSettings.Builder};
 * ranges are checked once, by {@link SamplingSettings}, when the builder builds.
 */
public enum SamplingParameter {
    /** Applied first (declaration order): the options after it override the preset's values. */
    PRESET(
            "NAME",
            "%s; other options override it.".formatted(Preset.names()),
            (b, text) -> b.preset(Preset.parse(text))),
    GREEDY(null, "Argmax decoding (penalties still apply).", (b, text) -> b.greedy(true)),
    TEMPERATURE("T", "Temperature > 0 (1 = off).", (b, text) -> b.temperature(real(text))),
    TOP_K("K", "Keep the K most probable (0 = off).", (b, text) -> b.topK(whole(text))),
    TOP_P("P", "Nucleus mass in (0, 1] (1 = off).", (b, text) -> b.topP(real(text))),
    TOP_P_RULE(
            "RULE",
            "inclusive (default: keep the token that crosses p) or cumsum-le-p.",
            (b, text) -> b.topPRule(TopPRule.parse(text))),
    MIN_P("M", "Keep p >= M * p_max (0 = off).", (b, text) -> b.minP(real(text))),
    TYPICAL_P("M", "Typical mass (1 = off).", (b, text) -> b.typicalP(real(text))),
    REPETITION_PENALTY(
            "THETA",
            "CTRL penalty > 0 on context tokens (1 = off).",
            (b, text) -> b.repetitionPenalty(real(text))),
    FREQUENCY_PENALTY(
            "F",
            "logit -= count * F, in [-2, 2] (0 = off).",
            (b, text) -> b.frequencyPenalty(real(text))),
    PRESENCE_PENALTY(
            "F",
            "logit -= F if the token occurred, in [-2, 2] (0 = off).",
            (b, text) -> b.presencePenalty(real(text))),
    PENALTY_WINDOW(
            "N",
            "Penalties look at the last N context tokens (0 = all).",
            (b, text) -> b.penaltyWindow(whole(text))),
    ORDER(
            "ORDER",
            "hf, llama.cpp, vllm or a custom list such as top_k,temperature,top_p.",
            (b, text) -> b.order(ChainOrder.parse(text)));

    private final String valueLabel;
    private final String description;
    private final BiConsumer<SamplingSettings.Builder, String> setter;

    SamplingParameter(
            String valueLabel,
            String description,
            BiConsumer<SamplingSettings.Builder, String> setter) {
        this.valueLabel = valueLabel;
        this.description = description;
        this.setter = setter;
    }

    /** The option name, e.g. {@code --top-p-rule}. */
    public String option() {
        return "--" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What the value is called in help ("T"); null for a flag, which takes no value. */
    public String valueLabel() {
        return valueLabel;
    }

    public boolean isFlag() {
        return valueLabel == null;
    }

    public String description() {
        return description;
    }

    /**
     * Sets this parameter, read from {@code text}, on {@code builder}.
     *
     * @throws BadInputException if the text is not a number where one belongs
     */
    public void apply(SamplingSettings.Builder builder, String text) {
        try {
            setter.accept(builder, text);
        } catch (NumberFormatException e) {
            throw new BadInputException("%s must be a number (got '%s')".formatted(option(), text));
        }
    }

    private static double real(String text) {
        return Double.parseDouble(text.strip());
    }

    private static int whole(String text) {
        return Integer.parseInt(text.strip());
    }
}
