package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.LowerCaseNamed;

/** The stages a sampling chain can contain, with the names used in traces, JSON and the CLI. */
public enum StageKind implements LowerCaseNamed {
    REPETITION_PENALTY,
    FREQUENCY_PRESENCE_PENALTY,
    TEMPERATURE,
    TOP_K,
    TOP_P,
    MIN_P,
    TYPICAL_P;

    /** Name used in traces, JSON output and `--order`. */
    public String traceName() {
        return label();
    }
}
