package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * Frequency and presence penalties as in the OpenAI API and llama.cpp's {@code penalties} sampler:
 * {@code logit -= count * frequency + (count > 0 ? presence : 0)}, where count is how often the
 * token occurs in the window. Both range over [-2, 2] as in the OpenAI API; 0 and 0 mean off.
 */
public final class FrequencyPresencePenalty extends DescribedStage {
    private final double frequency;
    private final double presence;
    private final int window;

    public FrequencyPresencePenalty(double frequency, double presence, int window) {
        super(
                StageKind.FREQUENCY_PRESENCE_PENALTY,
                Map.of("frequency", frequency, "presence", presence, "window", window));
        this.frequency = validate("frequency penalty", frequency);
        this.presence = validate("presence penalty", presence);
        this.window = RepetitionPenalty.validateWindow(window);
    }

    public static double validate(String name, double value) {
        return new ParameterRange(name, "in [-2, 2]", v -> v >= -2 && v <= 2, "0 = off")
                .check(value);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        return ContextCounts.of(context, window, in.vocabSize())
                .penalize(in, (logit, count) -> logit - count * frequency - presence);
    }
}
