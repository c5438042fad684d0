package dev.samplinglab.engine.server;

import dev.samplinglab.engine.BadInputException;

/**
 * A request to an inference server that failed in a way the user can fix or wait out: one line
 * naming what happened and what to do. The CLI exits with 2; the app shows it and the session stays
 * usable.
 */
public final class ServerException extends BadInputException {

    /** What went wrong, for callers that react differently (the connection test's verdict). */
    public enum Kind {
        UNREACHABLE,
        TLS,
        TIMEOUT,
        UNAUTHORIZED,
        NOT_FOUND,
        MODEL_NOT_FOUND,
        RATE_LIMITED,
        SERVER_ERROR,
        BAD_REQUEST,
        MALFORMED,
        NO_LOGPROBS,
        TOO_FEW_LOGPROBS,
        UNSUPPORTED
    }

    private final Kind kind;

    public ServerException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public ServerException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
