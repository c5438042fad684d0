package dev.samplinglab.app.beam;

import dev.samplinglab.engine.generate.beam.BeamCandidate;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.BeamStep;
import dev.samplinglab.engine.generate.beam.BeamStop;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An immutable picture of a beam search for the UI thread: every step's trace, the texts and pieces
 * the view shows (decoded on the worker), the greedy path beside it and the cache size.
 *
 * @param candidateTexts per step, per candidate rank: the full text (prompt + tokens)
 * @param finishedTexts the full text of each hypothesis of the last step's finished list
 * @param cacheBytes the beams' KV cache (all rows)
 * @param cachePositions positions each beam row holds
 */
public record BeamSnapshot(
        BeamSettings settings,
        String promptText,
        List<BeamStep> steps,
        List<List<String>> candidateTexts,
        List<String> finishedTexts,
        Map<Integer, String> pieces,
        int[] greedyTokens,
        double[] greedyLogProbs,
        String greedyText,
        long cacheBytes,
        int cachePositions) {

    public BeamSnapshot {
        steps = List.copyOf(steps);
        candidateTexts = List.copyOf(candidateTexts);
        finishedTexts = List.copyOf(finishedTexts);
        pieces = Map.copyOf(pieces);
    }

    /** Nothing decoded yet. */
    public static BeamSnapshot empty(BeamSettings settings) {
        return new BeamSnapshot(
                settings,
                "",
                List.of(),
                List.of(),
                List.of(),
                Map.of(),
                new int[0],
                new double[0],
                "",
                0,
                0);
    }

    public int stepCount() {
        return steps.size();
    }

    public BeamStep last() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    public BeamStop stop() {
        return steps.isEmpty() ? BeamStop.NONE : last().stop();
    }

    public List<Hypothesis> finished() {
        return steps.isEmpty() ? List.of() : last().finished();
    }

    public String piece(int id) {
        return pieces.getOrDefault(id, "#" + id);
    }

    /**
     * The tree in one sentence for screen readers: beams, step, the likeliest sequence's newest
     * token and log-probability against greedy's, finished hypotheses and the greedy miss.
     */
    public String summary() {
        if (steps.isEmpty()) {
            return "Beam tree: no step yet";
        }
        int n = steps.size();
        int greedyLength = Math.min(n, greedyTokens.length);
        String text =
                String.format(
                        java.util.Locale.ROOT,
                        "Beam tree, %d beams, step %d (%s): best candidate '%s', log p %.3f;"
                                + " greedy log p %.3f over %d tokens; %d finished",
                        settings == null ? 0 : settings.numBeams(),
                        n,
                        stop().label(),
                        piece(best(n - 1).token()),
                        bestBeamLogProb(),
                        greedyLogProb(greedyLength),
                        greedyLength,
                        finished().size());
        int miss = greedyMissStep();
        return miss < 0
                ? text
                : text + "; from step %d greedy misses the likelier sentence".formatted(miss + 1);
    }

    /** Sum of the greedy path's log-probabilities over its first {@code n} tokens. */
    public double greedyLogProb(int n) {
        double s = 0;
        for (int i = 0; i < Math.min(n, greedyLogProbs.length); i++) {
            s += greedyLogProbs[i];
        }
        return s;
    }

    /**
     * Cumulative log-probability of the likeliest sequence after the last step: its top-ranked
     * candidate, running or ended (NaN before the first step).
     */
    public double bestBeamLogProb() {
        return steps.isEmpty() ? Double.NaN : best(steps.size() - 1).score();
    }

    /** The top-ranked candidate of step {@code s}. */
    private BeamCandidate best(int s) {
        return steps.get(s).candidates().get(0);
    }

    /** Tokens of the top-ranked candidate of step {@code s}: its parent beam's plus its own. */
    public int[] bestTokens(int s) {
        BeamCandidate c = best(s);
        int[] parent = s == 0 ? new int[0] : steps.get(s - 1).beams().get(c.parent()).tokens();
        int[] out = Arrays.copyOf(parent, parent.length + 1);
        out[parent.length] = c.token();
        return out;
    }

    /**
     * The first step after which the beams' likeliest sequence (the step's top candidate) is
     * likelier than the greedy path of the same length and differs from it: "greedy misses the
     * likelier sentence"; -1 if it has not happened.
     */
    public int greedyMissStep() {
        for (int s = 0; s < steps.size(); s++) {
            int n = s + 1;
            if (greedyTokens.length < n) {
                return -1;
            }
            boolean differs = !Arrays.equals(bestTokens(s), Arrays.copyOf(greedyTokens, n));
            if (differs && best(s).score() > greedyLogProb(n) + 1e-9) {
                return s;
            }
        }
        return -1;
    }
}
