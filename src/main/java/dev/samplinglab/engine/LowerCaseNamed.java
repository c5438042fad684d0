package dev.samplinglab.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An enum whose constants go by their own name in lower case outside Java (in JSON, traces and on
 * the command line): {@code EARLY_STOPPING} is {@code early_stopping}. The static helpers look
 * constants up by any such name and list the names for messages.
 */
public interface LowerCaseNamed {

    /** The constant's Java name (every enum has it). */
    String name();

    /** The name in JSON, traces and on the command line. */
    default String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The constant whose {@code key} is {@code text}, ignoring case and surrounding space.
     *
     * @param values the enum's values()
     * @param key the name each constant goes by
     */
    static <E> Optional<E> find(E[] values, Function<E, String> key, String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values).filter(e -> key.apply(e).equals(wanted)).findFirst();
    }

    /** The names for a message: "a, b or c". */
    static <E> String choices(E[] values, Function<E, String> key) {
        String all = Arrays.stream(values).map(key).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0
                ? all
                : "%s or %s".formatted(all.substring(0, last), all.substring(last + 2));
    }
}
