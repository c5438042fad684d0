package dev.samplinglab.app.chart;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import dev.samplinglab.engine.sampling.Truncation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns one {@link StepTrace} into the stacked charts of the step window: the raw softmax (with the
 * after-temperature ghost series), one chart per filtering stage in chain order, and the final
 * distribution with the coin strip. Every chart uses the same first N display tokens.
 */
public final class ChartDataBuilder {
    private ChartDataBuilder() {}

    /**
     * Charts of a step, top to bottom, over the first {@code n} display tokens; when the chosen
     * token is not among them it takes the last slot, so it is never hidden in "rest".
     */
    public static List<ChartData> build(StepTrace trace, int n) {
        int[] shown = slots(trace, n);
        List<ChartData> charts = new ArrayList<>();
        StageTrace input = trace.raw();
        StageTrace temperature = null;
        for (StageTrace stage : trace.stages()) {
            if (stage.kind() == StageKind.TEMPERATURE) {
                temperature = stage;
            }
        }
        charts.add(rawChart(trace, temperature, shown));
        for (StageTrace stage : trace.stages()) {
            if (stage.kind() != StageKind.TEMPERATURE) {
                charts.add(stageChart(input, stage, shown));
            }
            input = stage;
        }
        charts.add(finalChart(trace, shown));
        return trace.truncation() == null ? charts : truncated(charts, trace.truncation());
    }

    /**
     * A step over an inference server's top-N: every chart's rest bar is mass the server did not
     * send, and each chart carries its stage's caveat (the raw chart temperature's, drawn there as
     * the outlined series, else the step's context caveat).
     */
    static List<ChartData> truncated(List<ChartData> charts, Truncation t) {
        List<ChartData> out = new ArrayList<>();
        for (ChartData c : charts) {
            java.util.Optional<String> caveat =
                    c.kind().equals("raw")
                            ? t.caveat(StageKind.TEMPERATURE.traceName()).or(t::contextCaveat)
                            : t.caveat(c.kind());
            out.add(c.truncated(caveat.orElse("")));
        }
        return out;
    }

    /** Candidate positions shown: the first n, with the chosen token in the last slot if needed. */
    static int[] slots(StepTrace trace, int n) {
        List<Candidate> all = trace.finalDist().candidates();
        int count = Math.min(n, all.size());
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        int chosen = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id() == trace.chosenId()) {
                chosen = i;
                break;
            }
        }
        if (chosen >= count && count > 0) {
            idx[count - 1] = chosen;
        }
        return idx;
    }

    private static ChartData rawChart(StepTrace trace, StageTrace temperature, int[] n) {
        StageTrace raw = trace.raw();
        double[] ghosts = temperature == null ? null : probs(temperature, n);
        double restGhost = temperature == null ? Double.NaN : rest(temperature, n);
        String detail =
                temperature == null
                        ? "softmax of the logits at T = 1"
                        : "softmax at T = 1; outlined: after temperature T = "
                                + fmt(param(temperature, Double.NaN, "t", "temperature"));
        return new ChartData(
                "raw",
                "Raw distribution",
                detail,
                pieces(raw, n),
                probs(raw, n),
                ghosts,
                allKept(n),
                rest(raw, n),
                restGhost,
                -1,
                -1,
                -1,
                null,
                Double.NaN,
                Double.NaN,
                null,
                ChartSummary.raw(raw, temperature, trace.entropyRawBits()));
    }

    private static ChartData stageChart(StageTrace input, StageTrace stage, int[] n) {
        boolean penalty =
                stage.kind() == StageKind.REPETITION_PENALTY
                        || stage.kind() == StageKind.FREQUENCY_PRESENCE_PENALTY;
        double[] values = penalty ? probs(stage, n) : probs(input, n);
        double rest = penalty ? rest(stage, n) : rest(input, n);
        boolean[] kept = kept(stage, n);
        double threshold =
                stage.kind() == StageKind.MIN_P ? minPThreshold(input, stage) : Double.NaN;
        String detail = StageText.detail(stage, kept, n.length);
        if (!penalty) {
            detail += " · bars before renormalizing";
        }
        if (!Double.isNaN(threshold)) {
            detail += String.format(Locale.ROOT, " · threshold (dashed) %.4f", threshold);
        }
        return new ChartData(
                stage.name(),
                StageText.title(stage),
                detail,
                pieces(stage, n),
                values,
                penalty ? probs(input, n) : null,
                kept,
                rest,
                penalty ? rest(input, n) : Double.NaN,
                -1,
                stage.kind() == StageKind.TOP_P ? indexOf(stage, stage.crossingId(), n) : -1,
                stage.kind() == StageKind.TOP_K ? keptPrefix(kept) : -1,
                stage.kind() == StageKind.TOP_P ? cumulative(stage, n) : null,
                stage.kind() == StageKind.TOP_P
                        ? param(stage, Double.NaN, "p", "top_p")
                        : Double.NaN,
                threshold,
                null,
                ChartSummary.stage(stage));
    }

    private static ChartData finalChart(StepTrace trace, int[] n) {
        StageTrace dist = trace.finalDist();
        int chosen = indexOf(dist, trace.chosenId(), n);
        String detail =
                String.format(
                        Locale.ROOT,
                        "%d %s left, renormalized · picked %s (p = %.3f) %s",
                        dist.keptCount(),
                        dist.keptCount() == 1 ? "token" : "tokens",
                        trace.chosenPiece(),
                        trace.chosenProb(),
                        trace.greedy()
                                ? "by argmax (greedy: the coin is not used)"
                                : String.format(Locale.ROOT, "with coin u = %.3f", trace.coin()));
        return new ChartData(
                "final",
                "Final distribution",
                detail,
                pieces(dist, n),
                probs(dist, n),
                null,
                kept(dist, n),
                rest(dist, n),
                Double.NaN,
                chosen,
                -1,
                -1,
                null,
                Double.NaN,
                Double.NaN,
                cdf(trace, n),
                ChartSummary.finalDist(trace));
    }

    /** The picker's cumulative distribution: kept display tokens by final rank, then the rest. */
    static ChartData.CdfStrip cdf(StepTrace trace, int[] n) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : shown(trace.finalDist(), n)) {
            if (c.kept() && c.prob() > 0) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::rank));
        double[] segments = new double[kept.size() + 1];
        List<String> labels = new ArrayList<>();
        int chosen = -1;
        for (int i = 0; i < kept.size(); i++) {
            segments[i] = kept.get(i).prob();
            labels.add(kept.get(i).piece());
            if (kept.get(i).id() == trace.chosenId()) {
                chosen = i;
            }
        }
        segments[kept.size()] = rest(trace.finalDist(), n);
        labels.add("rest");
        if (chosen < 0) {
            chosen = kept.size();
        }
        return new ChartData.CdfStrip(segments, labels, trace.coin(), chosen, trace.greedy());
    }

    private static double minPThreshold(StageTrace input, StageTrace stage) {
        double max = 0;
        for (Candidate c : input.candidates()) {
            max = Math.max(max, c.prob());
        }
        return max * param(stage, Double.NaN, "min_p", "p");
    }

    static double param(StageTrace stage, double fallback, String... keys) {
        for (String key : keys) {
            Object value = stage.params().get(key);
            if (value instanceof Number number) {
                return number.doubleValue();
            }
        }
        return fallback;
    }

    private static List<Candidate> shown(StageTrace stage, int[] slots) {
        List<Candidate> out = new ArrayList<>(slots.length);
        for (int i : slots) {
            out.add(stage.candidates().get(i));
        }
        return out;
    }

    private static List<String> pieces(StageTrace stage, int[] n) {
        return shown(stage, n).stream().map(Candidate::piece).toList();
    }

    private static double[] probs(StageTrace stage, int[] n) {
        return shown(stage, n).stream().mapToDouble(Candidate::prob).toArray();
    }

    private static double[] cumulative(StageTrace stage, int[] n) {
        return shown(stage, n).stream().mapToDouble(Candidate::cumulative).toArray();
    }

    private static boolean[] kept(StageTrace stage, int[] n) {
        boolean[] kept = new boolean[n.length];
        for (int i = 0; i < n.length; i++) {
            kept[i] = stage.candidates().get(n[i]).kept();
        }
        return kept;
    }

    private static boolean[] allKept(int[] n) {
        boolean[] kept = new boolean[n.length];
        java.util.Arrays.fill(kept, true);
        return kept;
    }

    /** Mass of every token not shown: the trace's rest plus recorded tokens outside the slots. */
    static double rest(StageTrace stage, int[] n) {
        double rest = stage.restMass();
        java.util.Set<Integer> inSlots = new java.util.HashSet<>();
        for (int i : n) {
            inSlots.add(i);
        }
        List<Candidate> all = stage.candidates();
        for (int i = 0; i < all.size(); i++) {
            rest += inSlots.contains(i) ? 0 : all.get(i).prob();
        }
        return rest;
    }

    private static int indexOf(StageTrace stage, int id, int[] n) {
        for (int i = 0; i < n.length; i++) {
            if (stage.candidates().get(n[i]).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private static int keptPrefix(boolean[] kept) {
        int i = 0;
        while (i < kept.length && kept[i]) {
            i++;
        }
        return i;
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "?" : String.format(Locale.ROOT, "%.2f", value);
    }
}
