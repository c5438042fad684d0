package dev.samplinglab.app.step;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The banner over a past step's charts: they show the step as it was drawn, with the settings
 * recorded in its trace, while the controls show the current strategy (used for the next step).
 */
public final class PastStepText {
    private PastStepText() {}

    /** The banner for {@code shown} out of {@code steps} steps, or "" for the newest step. */
    public static String of(StepResult shown, int steps) {
        if (shown == null || shown.index() >= steps - 1) {
            return "";
        }
        return "Step %d as it was drawn (%s). The controls show the current strategy, used for the next step."
                .formatted(shown.index() + 1, settings(shown));
    }

    /** The stages of the step with their recorded parameters, in chain order. */
    static String settings(StepResult step) {
        if (step.trace().greedy()) {
            return "greedy";
        }
        List<String> parts = new ArrayList<>();
        for (StageTrace s : step.trace().stages()) {
            parts.add(s.name().replace('_', '-') + " " + params(s.params()));
        }
        return parts.isEmpty() ? "plain sampling, T = 1" : String.join(" · ", parts);
    }

    private static String params(Map<String, Object> params) {
        List<String> out = new ArrayList<>();
        // numbers first (the stage's setting), then words such as the top-p rule
        new TreeMap<>(params)
                .values().stream().filter(v -> v instanceof Number).forEach(v -> out.add(num(v)));
        new TreeMap<>(params)
                .values().stream()
                        .filter(v -> !(v instanceof Number))
                        .forEach(v -> out.add(String.valueOf(v)));
        return String.join(", ", out);
    }

    private static String num(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(v);
    }
}
