package dev.samplinglab.app.common;

import java.util.function.DoubleConsumer;

/** Opens a model from a spec (folder path, "bundled", "random:tiny"); slow, runs on the worker. */
@FunctionalInterface
public interface ModelOpener {

    /**
     * Opens a model.
     *
     * @param spec what to open
     * @param progress receives progress in [0, 1] (from the worker thread)
     * @throws Exception with a message for the user when the model cannot be opened
     */
    ModelHandle open(String spec, DoubleConsumer progress) throws Exception;
}
