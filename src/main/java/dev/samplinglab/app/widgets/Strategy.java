package dev.samplinglab.app.widgets;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.List;

/**
 * The strategy form of the window: every sampling parameter the user can set. The adapter to the
 * engine turns it into sampling settings; settings files store it as it is.
 *
 * @param greedy argmax instead of sampling
 * @param temperature softmax temperature (0.05 to 3)
 * @param topK keep the k most likely tokens, 0 = off
 * @param topP nucleus mass, 1 = off
 * @param rule top-p boundary rule
 * @param minP min-p ratio, 0 = off
 * @param typicalP typical-p mass, 1 = off
 * @param repetitionPenalty CTRL repetition penalty, 1 = off
 * @param frequencyPenalty frequency penalty, 0 = off
 * @param presencePenalty presence penalty, 0 = off
 * @param penaltyWindow how many recent tokens the penalties look at
 * @param order the chain order of the stages
 */
public record Strategy(
        boolean greedy,
        double temperature,
        int topK,
        double topP,
        Rule rule,
        double minP,
        double typicalP,
        double repetitionPenalty,
        double frequencyPenalty,
        double presencePenalty,
        int penaltyWindow,
        List<StageKind> order) {

    /** Top-p boundary rules. */
    public enum Rule {
        /** Keep the smallest prefix whose cumulative sum reaches p. */
        INCLUSIVE,
        /** Keep tokens whose cumulative sum stays at or below p (at least one). */
        CUMSUM_LE_P
    }

    public Strategy {
        order = List.copyOf(order);
    }

    /** The default form: the general preset (T 0.9, top-k 45, top-p 0.9) in HF order. */
    public static Strategy defaults() {
        return new Strategy(
                        false, 1, 0, 1, Rule.INCLUSIVE, 0, 1, 1, 0, 0, 0, ChainOrder.HF.stages())
                .withPreset(Preset.GENERAL);
    }

    /** The engine's settings; throws IllegalArgumentException with a message when invalid. */
    public SamplingSettings toSettings() {
        return SamplingSettings.builder()
                .greedy(greedy)
                .temperature(temperature)
                .topK(topK)
                .topP(topP)
                .topPRule(rule == Rule.CUMSUM_LE_P ? TopPRule.CUMSUM_LE_P : TopPRule.INCLUSIVE)
                .minP(minP)
                .typicalP(typicalP)
                .repetitionPenalty(repetitionPenalty)
                .frequencyPenalty(frequencyPenalty)
                .presencePenalty(presencePenalty)
                .penaltyWindow(penaltyWindow)
                .order(order)
                .build();
    }

    /** A preset's greedy switch, T, k and p, with min-p and typical-p off (as the engine does). */
    public Strategy withPreset(Preset preset) {
        return new Strategy(
                preset.greedy(),
                preset.temperature(),
                preset.topK(),
                preset.topP(),
                rule,
                0,
                1,
                repetitionPenalty,
                frequencyPenalty,
                presencePenalty,
                penaltyWindow,
                order);
    }

    /** The same strategy with another order. */
    public Strategy withOrder(List<StageKind> newOrder) {
        return new Strategy(
                greedy,
                temperature,
                topK,
                topP,
                rule,
                minP,
                typicalP,
                repetitionPenalty,
                frequencyPenalty,
                presencePenalty,
                penaltyWindow,
                newOrder);
    }
}
