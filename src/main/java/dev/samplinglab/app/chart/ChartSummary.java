package dev.samplinglab.app.chart;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One-sentence descriptions of the step charts for screen readers ("Nucleus, p 0.9: 14 tokens kept,
 * mass 0.907; crossing token 'you'"), built from the step trace without the toolkit. The charts set
 * them as their accessible text, following the W3C guidance that a chart's text alternative gives
 * its key facts (https://www.w3.org/WAI/tutorials/images/complex/).
 */
public final class ChartSummary {
    private static final int TOP_TOKENS = 3;

    private ChartSummary() {}

    /** The summaries of a step's charts, in {@link ChartDataBuilder#build} order. */
    public static List<String> of(StepTrace trace) {
        List<String> out = new ArrayList<>();
        StageTrace temperature = null;
        for (StageTrace stage : trace.stages()) {
            if (stage.kind() == StageKind.TEMPERATURE) {
                temperature = stage;
            }
        }
        out.add(raw(trace.raw(), temperature, trace.entropyRawBits()));
        for (StageTrace stage : trace.stages()) {
            if (stage.kind() != StageKind.TEMPERATURE) {
                out.add(stage(stage));
            }
        }
        out.add(finalDist(trace));
        return out;
    }

    /** The raw softmax, with the after-temperature top token when temperature ran. */
    static String raw(StageTrace raw, StageTrace temperature, double entropyBits) {
        String text =
                "Raw distribution, T 1: top tokens %s; entropy %.2f bits"
                        .formatted(topTokens(raw, TOP_TOKENS), entropyBits);
        return temperature == null ? text : text + ". " + stage(temperature);
    }

    /** A stage: its parameters, what it kept and its markers. */
    static String stage(StageTrace stage) {
        if (stage.kind() == null) {
            return "%s: %s".formatted(stage.name(), kept(stage));
        }
        return switch (stage.kind()) {
            case TEMPERATURE ->
                    "Temperature %s: top token %s"
                            .formatted(param(stage, "temperature"), topTokens(stage, 1));
            case TOP_K -> "Top-k, k %s: %s".formatted(param(stage, "k"), kept(stage));
            case TOP_P ->
                    "Nucleus, p %s: %s; crossing token %s; rule %s"
                            .formatted(
                                    param(stage, "p"),
                                    kept(stage),
                                    quoted(pieceOf(stage, stage.crossingId())),
                                    stage.params().getOrDefault("rule", "inclusive"));
            case MIN_P -> "Min-p %s: %s".formatted(param(stage, "min_p"), kept(stage));
            case TYPICAL_P -> "Typical-p %s: %s".formatted(param(stage, "typical_p"), kept(stage));
            case REPETITION_PENALTY ->
                    "Repetition penalty %s: top token %s after the penalty"
                            .formatted(param(stage, "penalty"), topTokens(stage, 1));
            case FREQUENCY_PRESENCE_PENALTY ->
                    "Frequency penalty %s, presence penalty %s: top token %s after the penalty"
                            .formatted(
                                    param(stage, "frequency"),
                                    param(stage, "presence"),
                                    topTokens(stage, 1));
        };
    }

    /** The final distribution: the pick, how it was made, and how many tokens it was made from. */
    static String finalDist(StepTrace trace) {
        String from = tokens(trace.finalDist().keptCount());
        if (trace.forced()) {
            return "Final: you chose %s (p %s, %s under the model) instead of drawing from %s"
                    .formatted(
                            quoted(trace.chosenPiece()),
                            prob(trace.chosenProb()),
                            prob(trace.chosenRawProb()),
                            from);
        }
        if (trace.greedy()) {
            return "Final: picked %s (p %s) by argmax from %s; greedy, the coin is not used"
                    .formatted(quoted(trace.chosenPiece()), prob(trace.chosenProb()), from);
        }
        return "Final: drew %s (p %s) with u = %.3f from %s"
                .formatted(
                        quoted(trace.chosenPiece()), prob(trace.chosenProb()), trace.coin(), from);
    }

    private static String kept(StageTrace stage) {
        return "%s kept, mass %.3f".formatted(tokens(stage.keptCount()), stage.keptMass());
    }

    private static String tokens(int n) {
        return n == 1 ? "1 token" : n + " tokens";
    }

    /** The n most probable display tokens of a stage with their probabilities. */
    private static String topTokens(StageTrace stage, int n) {
        List<String> parts = new ArrayList<>();
        stage.candidates().stream()
                .filter(c -> c.prob() > 0)
                .sorted(Comparator.comparingDouble(Candidate::prob).reversed())
                .limit(n)
                .forEach(c -> parts.add(quoted(c.piece()) + " " + prob(c.prob())));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static String pieceOf(StageTrace stage, int id) {
        for (Candidate c : stage.candidates()) {
            if (c.id() == id) {
                return c.piece();
            }
        }
        return null;
    }

    private static String quoted(String piece) {
        return piece == null ? "outside the shown tokens" : "'" + piece + "'";
    }

    static String prob(double p) {
        return String.format(Locale.ROOT, p > 0 && p < 0.001 ? "%.1e" : "%.3f", p);
    }

    /** A parameter as typed: 0.9, 40, 1.3 (no trailing zeros); "?" when missing. */
    private static String param(StageTrace stage, String key) {
        Object value = stage.params().get(key);
        if (!(value instanceof Number number)) {
            return "?";
        }
        return BigDecimal.valueOf(number.doubleValue())
                .setScale(4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }
}
