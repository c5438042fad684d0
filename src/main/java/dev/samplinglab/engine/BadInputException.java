package dev.samplinglab.engine;

/**
 * Bad input from the user: a parameter, a model spec or a file. The message is one line naming the
 * problem and what to do; the CLI prints it and exits with 2, the app shows it and keeps its state.
 * Any other exception is a bug (exit 1).
 *
 * <p>It extends {@link IllegalArgumentException} so callers that already refuse invalid arguments
 * keep working; only this type (and its subclasses) counts as bad input.
 */
public class BadInputException extends IllegalArgumentException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
