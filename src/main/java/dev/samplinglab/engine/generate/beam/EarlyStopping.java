package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.BadInputException;
import java.util.Locale;

/**
 * When beam search may stop before the length limit, as Hugging Face's {@code
 * GenerationConfig.early_stopping}: {@code True}, {@code False} or {@code "never"}. See {@code
 * GenerationMixin._check_early_stop_heuristic} and {@code _beam_search_has_unfinished_sequences} in
 * transformers' src/transformers/generation/utils.py.
 */
public enum EarlyStopping {
    /** Stop as soon as num_beams hypotheses are finished. */
    TRUE("true"),
    /**
     * The default heuristic: stop once the best running beam, scored at its current length, cannot
     * beat the worst of num_beams finished hypotheses.
     */
    FALSE("false"),
    /**
     * Canonical beam search: like {@link #FALSE}, but with length_penalty &gt; 0 the best running
     * beam is scored at the maximum length, the most it could still gain.
     */
    NEVER("never");

    private final String label;

    EarlyStopping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Parses {@code true}, {@code false} or {@code never} (any case). */
    public static EarlyStopping parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (EarlyStopping e : values()) {
            if (e.label.equals(t)) {
                return e;
            }
        }
        throw new BadInputException(
                "early stopping must be true, false or never, not '%s'".formatted(text));
    }
}
