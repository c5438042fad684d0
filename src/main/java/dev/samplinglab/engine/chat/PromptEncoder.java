package dev.samplinglab.engine.chat;

import java.util.Optional;

/**
 * What a {@link Prompt} needs from a tokenizer: the model's chat template and the two ways to
 * encode text. {@code engine.tokenizer.TextTokenizer} is one, so the chat package does not depend
 * on the tokenizer package (which depends on this one for the template).
 */
public interface PromptEncoder {

    /** The ids of {@code text} alone: no BOS or EOS added. */
    int[] encode(String text);

    /** The ids with the BOS (and EOS) the tokenizer's post-processor adds. */
    int[] encodeWithSpecials(String text);

    /** The model's own chat template, if it has one. */
    Optional<ChatTemplate> chatTemplate();
}
