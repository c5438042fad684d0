package dev.samplinglab.engine.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * What the model is asked: plain text (encoded with the BOS/EOS the tokenizer's post-processor
 * adds, as {@code tokenizer(text)} does), or a chat turn, a system and a user message put through
 * the model's own chat template with the generation prompt and encoded without adding anything (the
 * template writes its own BOS, as {@code apply_chat_template(..., tokenize=True)} does).
 *
 * @param mode plain or chat
 * @param system the system message (chat only; blank = none)
 * @param user the prompt text, or the user message
 */
public record Prompt(Mode mode, String system, String user) {

    /** How the prompt reaches the model. */
    public enum Mode {
        PLAIN,
        CHAT
    }

    public Prompt {
        system = system == null ? "" : system;
        user = user == null ? "" : user;
    }

    public static Prompt plain(String text) {
        return new Prompt(Mode.PLAIN, "", text);
    }

    public static Prompt chat(String system, String user) {
        return new Prompt(Mode.CHAT, system, user);
    }

    /**
     * The text the model reads: the plain text, or the rendered template.
     *
     * @throws ChatTemplateException when the model has no chat template or it cannot be rendered
     */
    public String text(PromptEncoder tokenizer) {
        if (mode == Mode.PLAIN) {
            return user;
        }
        ChatTemplate template =
                tokenizer
                        .chatTemplate()
                        .orElseThrow(
                                () ->
                                        new ChatTemplateException(
                                                "this model has no chat_template in"
                                                        + " tokenizer_config.json (not an instruct"
                                                        + " model?); use the plain prompt mode"));
        return template.render(messages(), true);
    }

    /** The token ids the model reads. */
    public int[] encode(PromptEncoder tokenizer) {
        String text = text(tokenizer);
        return mode == Mode.PLAIN ? tokenizer.encodeWithSpecials(text) : tokenizer.encode(text);
    }

    private List<ChatMessage> messages() {
        List<ChatMessage> messages = new ArrayList<>();
        if (!system.isBlank()) {
            messages.add(ChatMessage.system(system));
        }
        messages.add(ChatMessage.user(user));
        return messages;
    }
}
