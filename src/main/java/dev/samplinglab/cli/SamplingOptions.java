package dev.samplinglab.cli;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
import picocli.CommandLine.Option;

/**
 * The sampling options shared by {@code pipeline} and {@code generate}, as a picocli mixin. Every
 * option is optional: {@link #toSettings(SamplingSettings)} starts from the command's base
 * settings, applies {@code --preset} first, then each option that was given, and validates.
 */
public final class SamplingOptions {

    @Option(names = "--greedy", description = "Argmax decoding (penalties still apply).")
    Boolean greedy;

    @Option(names = "--temperature", paramLabel = "T", description = "Temperature > 0 (1 = off).")
    Double temperature;

    @Option(
            names = "--top-k",
            paramLabel = "K",
            description = "Keep the K most probable (0 = off).")
    Integer topK;

    @Option(names = "--top-p", paramLabel = "P", description = "Nucleus mass in (0, 1] (1 = off).")
    Double topP;

    @Option(
            names = "--top-p-rule",
            paramLabel = "RULE",
            description = "inclusive (default: keep the token that crosses p) or cumsum-le-p.")
    String topPRule;

    @Option(names = "--min-p", paramLabel = "M", description = "Keep p >= M * p_max (0 = off).")
    Double minP;

    @Option(names = "--typical-p", paramLabel = "M", description = "Typical mass (1 = off).")
    Double typicalP;

    @Option(
            names = "--repetition-penalty",
            paramLabel = "THETA",
            description = "CTRL penalty > 0 on context tokens (1 = off).")
    Double repetitionPenalty;

    @Option(
            names = "--frequency-penalty",
            paramLabel = "F",
            description = "logit -= count * F, in [-2, 2] (0 = off).")
    Double frequencyPenalty;

    @Option(
            names = "--presence-penalty",
            paramLabel = "F",
            description = "logit -= F if the token occurred, in [-2, 2] (0 = off).")
    Double presencePenalty;

    @Option(
            names = "--penalty-window",
            paramLabel = "N",
            description = "Penalties look at the last N context tokens (0 = all).")
    Integer penaltyWindow;

    @Option(
            names = "--order",
            paramLabel = "ORDER",
            description = "hf, llama.cpp, vllm or a custom list such as top_k,temperature,top_p.")
    String order;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            description =
                    "creative, general, faithful, qa, code, dialogue or greedy; other options"
                            + " override it.")
    String preset;

    /**
     * The settings these options describe on top of {@code base}.
     *
     * @throws dev.samplinglab.engine.BadInputException with a one-line message on a bad value (exit
     *     2)
     */
    public SamplingSettings toSettings(SamplingSettings base) {
        SamplingSettings.Builder b = base.toBuilder();
        if (preset != null) {
            b.preset(Preset.parse(preset));
        }
        if (greedy != null) {
            b.greedy(greedy);
        }
        if (temperature != null) {
            b.temperature(temperature);
        }
        if (topK != null) {
            b.topK(topK);
        }
        if (topP != null) {
            b.topP(topP);
        }
        if (topPRule != null) {
            b.topPRule(TopPRule.parse(topPRule));
        }
        if (minP != null) {
            b.minP(minP);
        }
        if (typicalP != null) {
            b.typicalP(typicalP);
        }
        applyPenalties(b);
        if (order != null) {
            b.order(ChainOrder.parse(order));
        }
        return b.build();
    }

    private void applyPenalties(SamplingSettings.Builder b) {
        if (repetitionPenalty != null) {
            b.repetitionPenalty(repetitionPenalty);
        }
        if (frequencyPenalty != null) {
            b.frequencyPenalty(frequencyPenalty);
        }
        if (presencePenalty != null) {
            b.presencePenalty(presencePenalty);
        }
        if (penaltyWindow != null) {
            b.penaltyWindow(penaltyWindow);
        }
    }

    /** Whether any sampling option was given (beam search takes none). */
    boolean anyGiven() {
        return java.util.stream.Stream.of(
                        greedy,
                        temperature,
                        topK,
                        topP,
                        topPRule,
                        minP,
                        typicalP,
                        repetitionPenalty,
                        frequencyPenalty,
                        presencePenalty,
                        penaltyWindow,
                        order,
                        preset)
                .anyMatch(java.util.Objects::nonNull);
    }
}
