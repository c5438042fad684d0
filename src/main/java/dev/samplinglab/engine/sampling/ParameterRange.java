package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.function.DoublePredicate;

/**
 * The values one sampling parameter may take, and the one-line message the CLI prints when a value
 * is outside them: "top-p must be in (0, 1], 1 = off (got 1.5)".
 *
 * @param name the parameter as messages name it
 * @param rule the valid values in words, e.g. "in (0, 1]"
 * @param valid whether a value is valid (NaN never is)
 * @param note what the neutral value means, e.g. "1 = off"; empty for none
 */
record ParameterRange(String name, String rule, DoublePredicate valid, String note) {

    double check(double value) {
        if (!valid.test(value)) {
            throw new BadInputException(message(String.valueOf(value)));
        }
        return value;
    }

    int check(int value) {
        if (!valid.test(value)) {
            throw new BadInputException(message(String.valueOf(value)));
        }
        return value;
    }

    String message(String value) {
        String because = note.isEmpty() ? "" : ", " + note;
        return "%s must be %s%s (got %s)".formatted(name, rule, because, value);
    }
}
