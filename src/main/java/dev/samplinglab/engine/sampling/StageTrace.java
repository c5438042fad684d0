package dev.samplinglab.engine.sampling;

import java.util.List;
import java.util.Map;

/**
 * What one stage did at one step.
 *
 * @param kind the stage; {@code null} for the pseudo stages "raw" (softmax of the raw logits at
 *     T=1) and "final" (the renormalized distribution the picker draws from)
 * @param name trace name ("raw", "final" or {@link StageKind#traceName()})
 * @param params the stage's parameters, e.g. {"p": 0.9, "rule": "inclusive"}
 * @param keptCount number of tokens of the full vocabulary still kept after this stage
 * @param keptMass probability mass (of this stage's input distribution) that the kept tokens carry;
 *     for "raw" 1, for "final" the mass of the RAW distribution that the final kept set carries
 *     (how much of the model's belief the strategy keeps)
 * @param candidates the step's display tokens, in {@link StepTrace#displayIds()} order
 * @param restMass probability mass after this stage of all tokens outside the display tokens
 * @param crossingId top-p only: id of the token whose cumulative sum crosses p; -1 otherwise
 */
public record StageTrace(
        StageKind kind,
        String name,
        Map<String, Object> params,
        int keptCount,
        double keptMass,
        List<Candidate> candidates,
        double restMass,
        int crossingId) {

    public StageTrace {
        params = Map.copyOf(params);
        candidates = List.copyOf(candidates);
    }
}
