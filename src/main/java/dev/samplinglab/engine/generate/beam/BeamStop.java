package dev.samplinglab.engine.generate.beam;

/** Why a beam search ended. */
public enum BeamStop {
    /** Still running. */
    NONE("running"),
    /** max_new_tokens (or the context) reached: every candidate hit the length limit. */
    LENGTH("length"),
    /** early_stopping=true and num_beams hypotheses finished. */
    EARLY_STOPPING("early_stopping"),
    /** No running beam can beat the worst finished hypothesis (the heuristic of the mode). */
    NO_IMPROVEMENT("no_improvement"),
    /** Every candidate of the step ended (all EOS). */
    ALL_ENDED("all_ended"),
    /** Stopped by the user. */
    CANCELLED("cancelled");

    private final String label;

    BeamStop(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
