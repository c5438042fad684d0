package dev.samplinglab.engine.generate.beam;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.LowerCaseNamed;

/**
 * When beam search may stop before the length limit, as Hugging Face's {@code
 * GenerationConfig.early_stopping}: {@code True}, {@code False} or {@code "never"}. See {@code
 * GenerationMixin._check_early_stop_heuristic} and {@code _beam_search_has_unfinished_sequences} in
 * transformers' src/transformers/generation/utils.py.
 */
public enum EarlyStopping implements LowerCaseNamed {
    /** Stop as soon as num_beams hypotheses are finished. */
    TRUE,
    /**
     * The default heuristic: stop once the best running beam, scored at its current length, cannot
     * beat the worst of num_beams finished hypotheses.
     */
    FALSE,
    /**
     * Canonical beam search: like {@link #FALSE}, but with length_penalty &gt; 0 the best running
     * beam is scored at the maximum length, the most it could still gain.
     */
    NEVER;

    /** Parses {@code true}, {@code false} or {@code never} (any case). */
    public static EarlyStopping parse(String text) {
        return LowerCaseNamed.find(values(), EarlyStopping::label, text)
                .orElseThrow(
                        () ->
                                new BadInputException(
                                        "early stopping must be true, false or never, not '%s'"
                                                .formatted(text)));
    }
}
