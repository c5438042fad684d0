package dev.samplinglab.app.common;

import dev.samplinglab.engine.generate.LanguageModel;

/**
 * Opens engine models for the lab tabs (compare, KV cache) by spec, like the step window's model
 * picker ("bundled", "random:tiny", a folder). Slow: called only from a worker thread.
 */
@FunctionalInterface
public interface LabModels {
    LanguageModel open(String spec) throws Exception;

    /** Gives back a model from {@link #open}; by default closes it (a shared pool counts users). */
    default void release(LanguageModel lm) {
        lm.close();
    }
}
