package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.generate.BundledModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code generate --chat --system --prompt}: the model's own template, or a clear refusal. */
class GenerateChatTest {
    private static final String ZEPHYR =
            "{% for message in messages %}\\n{% if message['role'] == 'user' %}\\n{{ '<|user|>\\\\n'"
                    + " + message['content'] + eos_token }}\\n{% elif message['role'] == 'system'"
                    + " %}\\n{{ '<|system|>\\\\n' + message['content'] + eos_token }}\\n{% endif"
                    + " %}\\n{% if loop.last and add_generation_prompt %}\\n{{ '<|assistant|>'"
                    + " }}\\n{% endif %}\\n{% endfor %}";

    @TempDir Path dir;

    @Test
    void chatPromptIsTheRenderedTemplate() throws IOException {
        Path model = bundledWithTemplate(ZEPHYR);
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        model.toString(),
                        "--chat",
                        "--system",
                        "Be brief.",
                        "--prompt",
                        "ROMEO:",
                        "--max-new-tokens",
                        "3",
                        "--greedy");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .startsWith(
                        "<|system|>\nBe brief.<|endoftext|>\n<|user|>\nROMEO:<|endoftext|>\n"
                                + "<|assistant|>\n");
    }

    @Test
    void brokenTemplateIsOneLineAndPlainModeStillWorks() throws IOException {
        Path model = bundledWithTemplate("{% for m in messages %}{{ m.content }");
        CliRun chat =
                CliRun.of(
                        "generate",
                        "--model",
                        model.toString(),
                        "--chat",
                        "--prompt",
                        "Hi",
                        "--max-new-tokens",
                        "2");
        assertThat(chat.exitCode()).isEqualTo(2);
        assertThat(chat.err()).contains("chat template cannot be rendered").contains("plain");
        assertThat(chat.err().strip().lines()).hasSize(1);
        CliRun plain =
                CliRun.of(
                        "generate",
                        "--model",
                        model.toString(),
                        "--prompt",
                        "Hi",
                        "--max-new-tokens",
                        "2");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).startsWith("Hi");
    }

    @Test
    void modelWithoutTemplateRefusesChat() {
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        "random:tiny",
                        "--chat",
                        "--prompt",
                        "Hi",
                        "--max-new-tokens",
                        "2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no chat_template").contains("plain");
    }

    @Test
    void systemWithoutChatIsBadInput() {
        CliRun run =
                CliRun.of("generate", "--model", "random:tiny", "--system", "S", "--prompt", "Hi");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--system needs --chat");
    }

    private Path bundledWithTemplate(String templateJson) throws IOException {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        try (Stream<Path> files = Files.list(BundledModels.defaultModelDir())) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName()));
            }
        }
        Files.writeString(
                model.resolve("tokenizer_config.json"),
                "{\"eos_token\": \"<|endoftext|>\", \"chat_template\": \"%s\"}"
                        .formatted(templateJson),
                StandardCharsets.UTF_8);
        return model;
    }
}
