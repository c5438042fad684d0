package dev.samplinglab.engine.generate.beam;

import java.util.List;

/**
 * The trace of one beam-search step: every candidate with its fate, the running beams after the
 * step (each with its parent, token, token log-prob and cumulative score), the finished list, and
 * whether the search ended here.
 *
 * @param step 0-based step index (the step adds generated token number step+1)
 * @param candidates the top 2·num_beams continuations, best first
 * @param beams the running beams after the step, best first (slot order)
 * @param finished the finished hypotheses after the step, best first (at most num_beams)
 * @param improvable Hugging Face's is_early_stop_heuristic_unsatisfied after the step
 * @param stop why the search ended at this step, or {@link BeamStop#NONE}
 */
public record BeamStep(
        int step,
        List<BeamCandidate> candidates,
        List<Beam> beams,
        List<Hypothesis> finished,
        boolean improvable,
        BeamStop stop) {

    public BeamStep {
        candidates = List.copyOf(candidates);
        beams = List.copyOf(beams);
        finished = List.copyOf(finished);
    }

    public boolean done() {
        return stop != BeamStop.NONE;
    }

    /** Parent slot of each running beam, the cache reorder of this step. */
    public int[] parents() {
        return beams.stream().mapToInt(Beam::parent).toArray();
    }

    /** The token each running beam added. */
    public int[] tokens() {
        return beams.stream().mapToInt(Beam::token).toArray();
    }
}
