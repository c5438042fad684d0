package dev.samplinglab.cli;

import dev.samplinglab.engine.BadInputException;
import java.util.Locale;

/** Parses the comma-separated vectors of the {@code pipeline} command; bad input exits 2. */
final class VectorArgs {
    private VectorArgs() {}

    static double[] logits(String text) {
        String[] parts = split("--logits", text);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            out[i] =
                    p.equals("-inf") || p.equals("-infinity")
                            ? Double.NEGATIVE_INFINITY
                            : number("--logits", parts[i], i);
        }
        return out;
    }

    /** Probabilities (any positive scale) as logits: log p; 0 becomes -infinity. */
    static double[] logitsOfProbs(String text) {
        String[] parts = split("--probs", text);
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            double p = number("--probs", parts[i], i);
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new BadInputException(
                        "--probs values must be finite and >= 0 (got "
                                + parts[i]
                                + " at id "
                                + i
                                + ")");
            }
            out[i] = Math.log(p);
        }
        return out;
    }

    static int[] ids(String text) {
        String[] parts = split("--context-ids", text);
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new BadInputException(
                        "--context-ids must be integers (got '" + parts[i] + "')");
            }
        }
        return out;
    }

    static String[] labels(String text, int count) {
        String[] parts = text.split(",", -1);
        if (parts.length != count) {
            throw new BadInputException(
                    "--labels needs " + count + " labels, one per id (got " + parts.length + ")");
        }
        return parts;
    }

    private static String[] split(String option, String text) {
        String[] parts = text.strip().split("\\s*,\\s*");
        if (text.isBlank() || parts.length == 0) {
            throw new BadInputException(option + " needs at least one value");
        }
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return parts;
    }

    private static double number(String option, String text, int index) {
        try {
            double v = Double.parseDouble(text);
            if (Double.isNaN(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(
                    option + " values must be numbers (got '" + text + "' at id " + index + ")");
        }
    }
}
