package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.LowerCaseNamed;

/** Why a beam search ended. */
public enum BeamStop implements LowerCaseNamed {
    /** Still running. */
    NONE,
    /** max_new_tokens (or the context) reached: every candidate hit the length limit. */
    LENGTH,
    /** early_stopping=true and num_beams hypotheses finished. */
    EARLY_STOPPING,
    /** No running beam can beat the worst finished hypothesis (the heuristic of the mode). */
    NO_IMPROVEMENT,
    /** Every candidate of the step ended (all EOS). */
    ALL_ENDED,
    /** Stopped by the user. */
    CANCELLED;

    /** The name in traces; a search that has not stopped is "running". */
    @Override
    public String label() {
        return this == NONE ? "running" : LowerCaseNamed.super.label();
    }
}
