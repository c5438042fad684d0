package dev.samplinglab.engine.model;

/**
 * A model folder or file could not be loaded. The message names the file, the tensor or key, and
 * what was expected.
 */
public class ModelLoadException extends RuntimeException {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
