package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.BadInputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "bundled|bundled:tiny-shakespeare|BundledSpec",
                "bundled:tiny-shakespeare|bundled:tiny-shakespeare|BundledSpec",
                " bundled:other |bundled:other|BundledSpec",
                "random:tiny|random:tiny|RandomSpec",
                "random:gpt2-small|random:gpt2-small|RandomSpec",
                "some/deeper/folder|some/deeper/folder|FolderSpec",
                "./folder|./folder|FolderSpec",
                "HuggingFaceTB/SmolLM2-135M|HuggingFaceTB/SmolLM2-135M|HubSpec",
                "Qwen/Qwen3-0.6B@main|Qwen/Qwen3-0.6B|HubSpec",
                "Qwen/Qwen3-0.6B@v2|Qwen/Qwen3-0.6B@v2|HubSpec",
                "/abs/gpt2|/abs/gpt2|FolderSpec"
            })
    void parsesEachForm(String text, String canonical, String kind) {
        ModelSpec spec = ModelSpec.parse(text);
        assertThat(spec.text()).isEqualTo(canonical);
        assertThat(spec.getClass().getSimpleName()).isEqualTo(kind);
    }

    @Test
    void nullOrBlankIsTheDefaultBundledModel() {
        assertThat(ModelSpec.parse(null)).isEqualTo(BundledSpec.defaultModel());
        assertThat(ModelSpec.parse("  ")).isEqualTo(BundledSpec.defaultModel());
    }

    @Test
    void aFolderSpecKeepsItsPath() {
        assertThat(ModelSpec.parse("a/b/c")).isEqualTo(new FolderSpec(Path.of("a/b/c")));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "random:huge|unknown random model 'random:huge'; use one of random:tiny,"
                        + " random:gpt2-small",
                "random:|unknown random model 'random:'",
                "bundled:|'bundled:' names no bundled model",
                "bundled:../x|'bundled:../x' names no bundled model"
            })
    void badSpecsAreBadInput(String text, String message) {
        assertThatThrownBy(() -> ModelSpec.parse(text))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aMissingBundledModelIsNamedWhenOpened() {
        assertThatThrownBy(() -> ModelSpec.parse("bundled:nope").open())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("bundled model 'nope' not found");
    }

    @Test
    void usageListsEverySource() {
        assertThat(ModelSpec.usage())
                .isEqualTo(
                        "bundled[:NAME], random:tiny, random:gpt2-small, random:smollm2-135m,"
                                + " random:qwen2.5-0.5b, random:qwen3-0.6b, random:tiny-llama,"
                                + " server:[openai|openai-chat|vllm|llamacpp|ollama+]http://HOST:PORT#MODEL,"
                                + " a Hugging Face repository id in the local cache"
                                + " (ORG/NAME[@REVISION]), a model folder");
    }

    @Test
    void bothBundledFormsOpenTheSameModel() {
        try (LanguageModel a = ModelSpec.parse("bundled").open();
                LanguageModel b = ModelSpec.parse("bundled:tiny-shakespeare").open()) {
            assertThat(a.summary()).isEqualTo(b.summary());
            assertThat(a.name()).isEqualTo("tiny-shakespeare");
        }
    }
}
