package dev.samplinglab.engine.sampling;

/** The stages a sampling chain can contain, with the names used in traces, JSON and the CLI. */
public enum StageKind {
    REPETITION_PENALTY("repetition_penalty"),
    FREQUENCY_PRESENCE_PENALTY("frequency_presence_penalty"),
    TEMPERATURE("temperature"),
    TOP_K("top_k"),
    TOP_P("top_p"),
    MIN_P("min_p"),
    TYPICAL_P("typical_p");

    private final String traceName;

    StageKind(String traceName) {
        this.traceName = traceName;
    }

    /** Name used in traces, JSON output and `--order`. */
    public String traceName() {
        return traceName;
    }
}
