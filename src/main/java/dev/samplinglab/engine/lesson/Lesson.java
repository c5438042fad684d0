package dev.samplinglab.engine.lesson;

import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import java.util.Objects;

/**
 * A saved classroom session: everything needed to replay it exactly. The coin of step t is a pure
 * function of (seed, t) ({@link dev.samplinglab.engine.sampling.Coins}), so the model, the prompt,
 * the seed and each step's strategy and forced token determine every trace again.
 *
 * @param version the lesson format version it was written with
 * @param model which model, and the hashes of its weights
 * @param prompt the prompt (plain, or chat with a system message)
 * @param seed the coins' seed
 * @param strategy the step window's strategy form
 * @param steps the step window's steps, oldest first (its branch history)
 * @param selectedStep the step whose charts are shown, -1 for none
 * @param topN tokens shown in the charts
 * @param compare the compare tab, or null when it was never opened
 * @param view the tab shown ("step", "compare", ...)
 */
public record Lesson(
        int version,
        ModelReference model,
        Prompt prompt,
        long seed,
        SamplingSettings strategy,
        List<LessonStep> steps,
        int selectedStep,
        int topN,
        CompareLesson compare,
        String view) {

    /** The newest format this code reads and the one it writes. */
    public static final int CURRENT_VERSION = 1;

    public Lesson {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(view, "view");
        steps = List.copyOf(steps);
        if (selectedStep < -1 || selectedStep >= steps.size()) {
            throw new IllegalArgumentException(
                    "selected step %d outside -1..%d".formatted(selectedStep, steps.size() - 1));
        }
    }

    /** The same lesson with another model reference (a lesson replayed on another model). */
    public Lesson withModel(ModelReference other) {
        return new Lesson(
                version, other, prompt, seed, strategy, steps, selectedStep, topN, compare, view);
    }
}
