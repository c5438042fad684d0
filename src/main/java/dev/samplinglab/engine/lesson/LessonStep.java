package dev.samplinglab.engine.lesson;

import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.Objects;

/**
 * One step of the step window as it was taken.
 *
 * @param token the token id taken
 * @param piece its display piece (for people reading the file, and for messages)
 * @param forced whether the user chose it (a branch) rather than the coin
 * @param settings the strategy the step was drawn (or traced) with
 */
public record LessonStep(int token, String piece, boolean forced, SamplingSettings settings) {
    public LessonStep {
        Objects.requireNonNull(piece, "piece");
        Objects.requireNonNull(settings, "settings");
    }
}
