package dev.samplinglab.app.common;

/** The one-line text a view model shows for a failure. */
public final class UserMessage {
    private UserMessage() {}

    /** The exception's message, or its type when it has none. */
    public static String of(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
