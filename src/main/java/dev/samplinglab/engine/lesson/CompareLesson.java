package dev.samplinglab.engine.lesson;

import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;

/**
 * The compare tab of a lesson: its columns' strategies, the coin mode and how many steps every
 * column had taken; the columns decode the lesson's prompt and seed.
 *
 * @param commonRandomNumbers one coin stream for every column, or one per column
 * @param columns each column's strategy (2 to 4)
 * @param steps steps every column had taken
 * @param beam the beam column, or null when it was off
 */
public record CompareLesson(
        boolean commonRandomNumbers,
        List<SamplingSettings> columns,
        int steps,
        BeamColumnLesson beam) {

    public CompareLesson {
        columns = List.copyOf(columns);
    }

    /**
     * The beam column's settings.
     *
     * @param numBeams beams
     * @param lengthPenalty the length penalty L of {@code log p / length^L}
     */
    public record BeamColumnLesson(int numBeams, double lengthPenalty) {}
}
