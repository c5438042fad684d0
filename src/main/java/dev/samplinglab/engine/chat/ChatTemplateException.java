package dev.samplinglab.engine.chat;

import dev.samplinglab.engine.model.ModelLoadException;

/**
 * A chat template that cannot be rendered (syntax the Jinja engine does not support, or the
 * template's own {@code raise_exception}). Bad input: plain prompts still work.
 */
public final class ChatTemplateException extends ModelLoadException {
    public ChatTemplateException(String message) {
        super(message);
    }
}
