package dev.samplinglab.engine.lesson;

import dev.samplinglab.engine.BadInputException;

/** A lesson file that cannot be opened, with one line saying why and what to do. */
public final class LessonException extends BadInputException {

    /** Why a lesson cannot be opened. */
    public enum Kind {
        /** The file cannot be read (missing, a folder, no permission, too large). */
        UNREADABLE,
        /** The JSON ends before it is complete (a copy cut short). */
        TRUNCATED,
        /** Not valid JSON, not a lesson, or a value of the wrong type or range. */
        DAMAGED,
        /** Written by a newer version of the app, in a format this one does not know. */
        NEWER_VERSION
    }

    private final Kind kind;

    public LessonException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public LessonException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
