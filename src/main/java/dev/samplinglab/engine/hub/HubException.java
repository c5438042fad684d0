package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.BadInputException;
import java.util.OptionalLong;

/**
 * A download or cache problem the user can act on, with a one-line message that says what happened
 * and what to do. {@link Kind} lets the app choose a dialog and tests check the case.
 */
public class HubException extends BadInputException {

    /** What went wrong. */
    public enum Kind {
        OFFLINE,
        NO_NETWORK,
        DNS,
        NOT_FOUND,
        GATED,
        RATE_LIMITED,
        SERVER,
        DROPPED,
        DISK_FULL,
        READ_ONLY,
        WRITE_FAILED,
        VERIFY_FAILED,
        BAD_RESPONSE,
        NOT_SUPPORTED
    }

    private final Kind kind;
    private final OptionalLong retryAfterSeconds;

    public HubException(Kind kind, String message) {
        this(kind, message, null, OptionalLong.empty());
    }

    public HubException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, OptionalLong.empty());
    }

    public HubException(
            Kind kind, String message, Throwable cause, OptionalLong retryAfterSeconds) {
        super(message, cause);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    /** The server's Retry-After for a 429, in seconds. */
    public OptionalLong retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
