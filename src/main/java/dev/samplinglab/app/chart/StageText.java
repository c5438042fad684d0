package dev.samplinglab.app.chart;

import dev.samplinglab.engine.sampling.StageTrace;
import java.util.Locale;

/** Titles and one-line explanations of the filtering stages, as shown above each chart. */
final class StageText {
    private StageText() {}

    static String title(StageTrace stage) {
        if (stage.kind() == null) {
            return stage.name();
        }
        return switch (stage.kind()) {
            case REPETITION_PENALTY -> "Repetition penalty";
            case FREQUENCY_PRESENCE_PENALTY -> "Frequency / presence penalty";
            case TEMPERATURE -> "Temperature";
            case TOP_K -> "Top-k";
            case TOP_P -> "Nucleus (top-p)";
            case MIN_P -> "Min-p";
            case TYPICAL_P -> "Typical-p";
        };
    }

    static String detail(StageTrace stage, boolean[] keptShown, int n) {
        String counts =
                String.format(
                        Locale.ROOT, "%d kept, mass %.3f", stage.keptCount(), stage.keptMass());
        if (stage.kind() == null) {
            return counts;
        }
        return switch (stage.kind()) {
            case TOP_K ->
                    "k = "
                            + intParam(stage, "k", "top_k")
                            + ": "
                            + counts
                            + "; dropped tokens hatched";
            case TOP_P ->
                    "p = "
                            + ChartDataBuilder.fmt(
                                    ChartDataBuilder.param(stage, Double.NaN, "p", "top_p"))
                            + " · "
                            + ruleExplanation(stage)
                            + " · "
                            + counts;
            case MIN_P ->
                    "min-p = "
                            + ChartDataBuilder.fmt(
                                    ChartDataBuilder.param(stage, Double.NaN, "min_p", "p"))
                            + ": keep p ≥ min-p × p(top) · "
                            + counts;
            case TYPICAL_P ->
                    "typical-p = "
                            + ChartDataBuilder.fmt(
                                    ChartDataBuilder.param(
                                            stage, Double.NaN, "typical_p", "p", "mass"))
                            + ": keep tokens whose surprisal is"
                            + " closest to the entropy · "
                            + counts;
            case REPETITION_PENALTY, FREQUENCY_PRESENCE_PENALTY ->
                    "bars after the penalty," + " outlined before · " + counts;
            case TEMPERATURE -> counts;
        };
    }

    /** The one-line explanation of the active top-p boundary rule. */
    static String ruleExplanation(StageTrace stage) {
        Object rule = stage.params().get("rule");
        String name = rule == null ? "" : rule.toString().toLowerCase(Locale.ROOT);
        if (name.contains("le") || name.contains("≤") || name.contains("cumsum")) {
            return "rule cumsum ≤ p: keep tokens whose running sum stays ≤ p (crossing token"
                    + " dropped, top token always kept)";
        }
        return "rule inclusive: keep the smallest prefix whose sum reaches p (crossing token"
                + " kept)";
    }

    private static String intParam(StageTrace stage, String... keys) {
        double v = ChartDataBuilder.param(stage, Double.NaN, keys);
        return Double.isNaN(v) ? "?" : Long.toString(Math.round(v));
    }
}
