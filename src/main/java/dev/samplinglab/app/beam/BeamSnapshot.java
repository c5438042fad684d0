package dev.samplinglab.app.beam;

import dev.samplinglab.engine.generate.beam.Beam;
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

    /** Sum of the greedy path's log-probabilities over its first {@code n} tokens. */
    public double greedyLogProb(int n) {
        double s = 0;
        for (int i = 0; i < Math.min(n, greedyLogProbs.length); i++) {
            s += greedyLogProbs[i];
        }
        return s;
    }

    /** Cumulative log-probability of the best running beam after the last step (NaN if none). */
    public double bestBeamLogProb() {
        return steps.isEmpty() ? Double.NaN : last().beams().get(0).score();
    }

    /**
     * The first step after which the best running beam is likelier than the greedy path of the same
     * length and differs from it: "greedy misses the likelier sentence"; -1 if it never happened.
     */
    public int greedyMissStep() {
        for (int s = 0; s < steps.size(); s++) {
            Beam best = steps.get(s).beams().get(0);
            int n = s + 1;
            if (greedyTokens.length < n) {
                return -1;
            }
            boolean differs = !Arrays.equals(best.tokens(), Arrays.copyOf(greedyTokens, n));
            if (differs && best.score() > greedyLogProb(n) + 1e-9) {
                return s;
            }
        }
        return -1;
    }
}
