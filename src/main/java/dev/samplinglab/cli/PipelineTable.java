package dev.samplinglab.cli;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The readable form of {@code pipeline}: one table per stage, rows in the stage's order. */
final class PipelineTable {
    private final PrintWriter out;

    PipelineTable(PrintWriter out) {
        this.out = out;
    }

    void print(SamplingSettings settings, StepTrace t) {
        out.println("settings: " + settings.describe());
        stage(t.raw(), "softmax of the raw logits (T = 1)");
        for (StageTrace s : t.stages()) {
            stage(s, null);
        }
        stage(t.finalDist(), "renormalized; the picker draws from this");
        out.printf(
                Locale.ROOT,
                "chosen: id %d (%s)  p = %.4f  coin u = %.4f  picker = %s%n",
                t.chosenId(),
                t.chosenPiece(),
                t.chosenProb(),
                t.coin(),
                t.greedy() ? "greedy" : "categorical");
        out.printf(
                Locale.ROOT,
                "entropy: raw %.4f bits, final %.4f bits; surprisal of the choice %.4f bits%n",
                t.entropyRawBits(),
                t.entropyFinalBits(),
                t.surprisalBits());
    }

    private void stage(StageTrace s, String note) {
        StringBuilder head = new StringBuilder("\n== ").append(s.name());
        Map<String, Object> params = new TreeMap<>(s.params());
        params.forEach((k, v) -> head.append(' ').append(k).append('=').append(v));
        head.append(String.format(Locale.ROOT, "  kept %d", s.keptCount()));
        head.append(String.format(Locale.ROOT, ", kept mass %.4f", s.keptMass()));
        if (s.crossingId() >= 0) {
            head.append(", crossing id ").append(s.crossingId());
        }
        out.println(head);
        if (note != null) {
            out.println("   " + note);
        }
        boolean cumulative = s.candidates().stream().anyMatch(c -> !Double.isNaN(c.cumulative()));
        out.println(
                cumulative
                        ? "  rank    id  piece       logit    prob     cum  kept"
                        : "  rank    id  piece       logit    prob  kept");
        List<Candidate> rows =
                s.candidates().stream().sorted(Comparator.comparingInt(Candidate::rank)).toList();
        for (Candidate c : rows) {
            String logit = c.kept() ? String.format(Locale.ROOT, "%8.4f", c.logit()) : "    -inf";
            String cum = cumulative ? String.format(Locale.ROOT, "  %6.4f", c.cumulative()) : "";
            out.printf(
                    Locale.ROOT,
                    "  %4d  %4d  %-8s  %s  %6.4f%s  %s%n",
                    c.rank(),
                    c.id(),
                    c.piece(),
                    logit,
                    c.prob(),
                    cum,
                    c.kept() ? "yes" : "-");
        }
    }
}
