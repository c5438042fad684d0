package dev.samplinglab.engine.generate;

/** Why a row of a batch stopped generating. */
public enum StopReason {
    EOS("eos"),
    LENGTH("length"),
    STOP_STRING("stop_string"),
    CONTEXT_FULL("context_full"),
    CANCELLED("cancelled");

    private final String label;

    StopReason(String label) {
        this.label = label;
    }

    /** Name used in JSON output. */
    public String label() {
        return label;
    }
}
