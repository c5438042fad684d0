package dev.samplinglab.engine.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.tokenizer.TokenizerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published chat templates (test resources: {@code tokenizer_config.json} as on the Hugging
 * Face hub, keys the engine does not read trimmed) render to the strings Hugging Face's {@code
 * apply_chat_template} gives.
 */
class ChatTemplateTest {
    private static final String SYSTEM = "You are a friendly chatbot.";
    private static final String USER = "How many helicopters can a human eat in one sitting?";

    static Stream<Arguments> published() {
        return Stream.of(
                Arguments.of(
                        "smollm2-135m-instruct",
                        List.of(ChatMessage.system(SYSTEM), ChatMessage.user(USER)),
                        "<|im_start|>system\nYou are a friendly chatbot.<|im_end|>\n"
                                + "<|im_start|>user\n"
                                + USER
                                + "<|im_end|>\n<|im_start|>assistant\n"),
                Arguments.of(
                        "smollm2-135m-instruct",
                        List.of(ChatMessage.user("Hi")),
                        "<|im_start|>system\nYou are a helpful AI assistant named SmolLM,"
                                + " trained by Hugging Face<|im_end|>\n"
                                + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"),
                Arguments.of(
                        "qwen2.5-0.5b-instruct",
                        List.of(ChatMessage.system(SYSTEM), ChatMessage.user(USER)),
                        "<|im_start|>system\nYou are a friendly chatbot.<|im_end|>\n"
                                + "<|im_start|>user\n"
                                + USER
                                + "<|im_end|>\n<|im_start|>assistant\n"),
                Arguments.of(
                        "qwen2.5-0.5b-instruct",
                        List.of(ChatMessage.user("Hi")),
                        "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud."
                                + " You are a helpful assistant.<|im_end|>\n"
                                + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"),
                Arguments.of(
                        "tinyllama-1.1b-chat",
                        List.of(ChatMessage.system(SYSTEM), ChatMessage.user(USER)),
                        "<|system|>\nYou are a friendly chatbot.</s>\n<|user|>\n"
                                + USER
                                + "</s>\n<|assistant|>\n"),
                Arguments.of(
                        "tinyllama-1.1b-chat",
                        List.of(ChatMessage.user("Hi")),
                        "<|user|>\nHi</s>\n<|assistant|>\n"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("published")
    void publishedTemplatesRenderAsHuggingFaceDoes(
            String model, List<ChatMessage> messages, String expected) throws IOException {
        assertThat(template(model).render(messages, true)).isEqualTo(expected);
    }

    @Test
    void withoutGenerationPromptTheAssistantHeaderIsLeftOut() throws IOException {
        assertThat(template("smollm2-135m-instruct").render(List.of(ChatMessage.user("Hi")), false))
                .endsWith("<|im_start|>user\nHi<|im_end|>\n");
        assertThat(template("tinyllama-1.1b-chat").render(List.of(ChatMessage.user("Hi")), false))
                .isEqualTo("<|user|>\nHi</s>\n");
    }

    @Test
    void configKeysAreRead() throws IOException {
        TokenizerConfig tiny = config("tinyllama-1.1b-chat");
        assertThat(tiny.bosToken()).isEqualTo("<s>");
        assertThat(tiny.eosToken()).isEqualTo("</s>");
        TokenizerConfig qwen = config("qwen2.5-0.5b-instruct");
        assertThat(qwen.bosToken()).isNull();
        assertThat(qwen.eosToken()).isEqualTo("<|im_end|>");
    }

    @Test
    void bosTokenAndTrimAndStripFiltersWork() {
        ChatTemplate t =
                ChatTemplate.of(
                        "{{ bos_token }}{% for m in messages %}[{{ m['content'] | trim }}]"
                                + "[{{ m.content.strip() }}]{% endfor %}{{ eos_token }}",
                        "<s>", "</s>");
        assertThat(t.render(List.of(ChatMessage.user("  padded \n")), false))
                .isEqualTo("<s>[padded][padded]</s>");
    }

    @Test
    void tojsonWritesPythonJson() {
        assertThat(PythonJson.dumps(Map.of("a", List.of(1, "x\"y", true)), -1))
                .isEqualTo("{\"a\": [1, \"x\\\"y\", true]}");
        assertThat(PythonJson.dumps(List.of(1, 2), 2)).isEqualTo("[\n  1,\n  2\n]");
        ChatTemplate t = ChatTemplate.of("{{ messages[0] | tojson }}", "", "");
        assertThat(t.render(List.of(ChatMessage.user("é")), false))
                .isIn(
                        "{\"role\": \"user\", \"content\": \"é\"}",
                        "{\"content\": \"é\", \"role\": \"user\"}");
    }

    @Test
    void raiseExceptionBecomesAClearMessage() {
        ChatTemplate t =
                ChatTemplate.of(
                        "{% if messages[0]['role'] == 'system' %}"
                                + "{{ raise_exception('System role not supported') }}{% endif %}ok",
                        "", "");
        assertThat(t.render(List.of(ChatMessage.user("Hi")), true)).isEqualTo("ok");
        assertThatThrownBy(() -> t.render(List.of(ChatMessage.system("S")), true))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("System role not supported")
                .hasMessageContaining("plain");
    }

    @Test
    void brokenTemplateIsAClearMessage() {
        ChatTemplate broken = ChatTemplate.of("{% for m in messages %}{{ m.content }", "", "");
        assertThatThrownBy(() -> broken.render(List.of(ChatMessage.user("Hi")), true))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageStartingWith("the model's chat template cannot be rendered");
    }

    private static ChatTemplate template(String model) throws IOException {
        TokenizerConfig c = config(model);
        return ChatTemplate.of(c.chatTemplate(), c.bosToken(), c.eosToken());
    }

    static TokenizerConfig config(String model) throws IOException {
        try (InputStream in =
                ChatTemplateTest.class.getResourceAsStream(
                        "/chat/" + model + ".tokenizer_config.json")) {
            return TokenizerConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
