package dev.samplinglab.engine.model;

import dev.samplinglab.engine.BadInputException;

/**
 * A model folder or file could not be loaded. The message names the file, the tensor or key, and
 * what was expected. It is bad input: the CLI exits with 2.
 */
public class ModelLoadException extends BadInputException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
