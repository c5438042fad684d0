package dev.samplinglab.engine.chat;

import java.util.Map;

/**
 * One turn of a conversation as Hugging Face chat templates read it: {@code {"role": ...,
 * "content": ...}}.
 */
public record ChatMessage(String role, String content) {

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    /** The message as the template sees it. */
    Map<String, Object> asMap() {
        return Map.of("role", role, "content", content);
    }
}
