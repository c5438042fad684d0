package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageModelTest {
    @TempDir Path dir;
    int tokenizerVocab;

    /** A complete folder: a small BPE tokenizer and a random model with extra vocabulary rows. */
    Path folder(int extraModelVocab) throws IOException {
        Path m = dir.resolve("model");
        Files.createDirectories(m);
        String text = "the cat sat on the mat. the dog sat on the log.\n".repeat(40);
        var bpe = BpeTrainer.train(text, 300);
        bpe.writeTokenizerJson(m.resolve("tokenizer.json"));
        tokenizerVocab = bpe.vocabSize();
        int modelVocab = tokenizerVocab + extraModelVocab;
        ModelConfig c =
                new ModelConfig(1, 2, 8, 32, modelVocab, 1e-5, modelVocab - 1, modelVocab - 1);
        try (GptModel g = GptModel.random(c, 1)) {
            WeightLoader.save(g.weights(), c, m.resolve("model.safetensors"), DType.F32);
        }
        Files.writeString(m.resolve("config.json"), c.toJson().toString());
        return m;
    }

    @Test
    void opensAHuggingFaceFolderAndShowsPieces() throws IOException {
        Path m = folder(0);
        try (LanguageModel lm = LanguageModel.open(m.toString())) {
            int[] ids = lm.tokenizer().encode("the cat\nsat");
            assertThat(lm.tokenizer().decode(ids)).isEqualTo("the cat\nsat");
            assertThat(lm.tokenizer().piece(ids[1])).startsWith("␣");
            assertThat(lm.eosId()).isEqualTo(tokenizerVocab - 1);
            assertThat(lm.tokenizer().piece(tokenizerVocab - 1)).isEqualTo("<|endoftext|>");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"config.json", "model.safetensors", "tokenizer.json"})
    void aMissingFileIsNamed(String file) throws IOException {
        Path m = folder(0);
        Files.delete(m.resolve(file));
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(file + " is missing");
    }

    @Test
    void vocabMismatchIsNamed() throws IOException {
        Path m = folder(-10);
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining(
                        "tokenizer.json has "
                                + tokenizerVocab
                                + " ids but config.json vocab_size is "
                                + (tokenizerVocab - 10));
    }

    @Test
    void unknownRandomModelIsRefused() {
        assertThatThrownBy(() -> LanguageModel.open("random:huge"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("use one of random:tiny, random:gpt2-small");
    }

    @Test
    void configChecksNameTheKey() throws IOException {
        Path m = folder(0);
        Files.writeString(
                m.resolve("config.json"),
                "{\"n_layer\":1,\"n_head\":3,\"n_embd\":8,\"n_positions\":32,\"vocab_size\":"
                        + tokenizerVocab
                        + "}");
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .hasMessageContaining("config.json: key 'n_head' must divide n_embd=8 (got 3)");
        Files.writeString(
                m.resolve("config.json"),
                "{\"n_layer\":1,\"n_head\":2,\"n_embd\":8,\"n_positions\":5000000,\"vocab_size\":"
                        + tokenizerVocab
                        + "}");
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .hasMessageContaining(
                        "config.json: key 'n_positions' must be an integer in 1..1000000 (got 5000000)");
        Files.writeString(m.resolve("config.json"), "{\"n_layer\":1}");
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .hasMessageContaining("config.json: key 'n_embd' is missing");
    }
}
