package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * A stage that states its kind and the parameters its trace shows once, in its constructor; each
 * subclass writes only its {@link #apply}.
 */
abstract class DescribedStage implements SamplingStage {
    private final StageKind kind;
    private final Map<String, Object> params;

    DescribedStage(StageKind kind, Map<String, Object> params) {
        this.kind = kind;
        this.params = params;
    }

    @Override
    public final StageKind kind() {
        return kind;
    }

    @Override
    public final Map<String, Object> params() {
        return params;
    }
}
