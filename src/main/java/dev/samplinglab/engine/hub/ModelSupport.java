package dev.samplinglab.engine.hub;

import java.util.Set;

/** Which {@code config.json} model types the engine's loader can run. */
@FunctionalInterface
public interface ModelSupport {

    /** The {@code model_type} values the loader opens, e.g. {@code gpt2}. */
    Set<String> modelTypes();

    /** Whether the loader runs {@code modelType}. */
    default boolean runs(String modelType) {
        return modelTypes().contains(modelType);
    }
}
