package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.LlamaConfig;
import dev.samplinglab.engine.model.LlamaConfig.Family;
import dev.samplinglab.engine.model.LlamaFolders;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.model.RopeScaling;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Llama-family folders and random models through the same sessions and batches as GPT-2. */
class LlamaFolderTest {
    @TempDir Path dir;
    int tokenizerVocab;

    /** A Qwen2-style folder whose embedding has 20 rows more than the tokenizer (like Qwen). */
    Path folder(List<Integer> eos, int shards) throws IOException {
        Path m = dir.resolve("qwen");
        Files.createDirectories(m);
        String text = "the cat sat on the mat. the dog sat on the log.\n".repeat(40);
        var bpe = BpeTrainer.train(text, 300);
        bpe.writeTokenizerJson(m.resolve("tokenizer.json"));
        tokenizerVocab = bpe.vocabSize();
        LlamaConfig c =
                new LlamaConfig(
                        Family.QWEN2,
                        32,
                        2,
                        4,
                        2,
                        8,
                        40,
                        1e-6,
                        1e6,
                        RopeScaling.NONE,
                        128,
                        true,
                        false,
                        tokenizerVocab + 20,
                        -1,
                        eos);
        LlamaFolders.write(m, c, LlamaFolders.randomTensors(c, 3), DType.BF16, shards);
        return m;
    }

    @Test
    void aQwenFolderOpensAndPaddedRowsAreNeverShownOrSampled() throws IOException {
        Path m = folder(List.of(5), 2);
        try (LanguageModel lm = LanguageModel.open(m.toString());
                DecodeSession s = new DecodeSession(lm, "the cat", 7)) {
            assertThat(lm.summary().family()).isEqualTo("qwen2");
            assertThat(lm.summary().vocab()).isEqualTo(tokenizerVocab + 20);
            assertThat(lm.shownVocab()).isEqualTo(tokenizerVocab);
            assertThat(s.nextLogits()).hasSize(tokenizerVocab);
            SamplingPipeline hot =
                    SamplingPipeline.of(
                            SamplingSettings.neutral().toBuilder().temperature(3).build());
            for (int i = 0; i < 20; i++) {
                assertThat(s.step(hot).tokenId()).isLessThan(tokenizerVocab);
            }
            assertThatThrownBy(() -> s.stepForced(tokenizerVocab + 3, hot))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void everyEosOfGenerationConfigStopsARow() throws IOException {
        Path m = folder(List.of(7, 9), 1);
        try (LanguageModel lm = LanguageModel.open(m.toString())) {
            assertThat(lm.isEos(7)).isTrue();
            assertThat(lm.isEos(9)).isTrue();
            assertThat(lm.isEos(8)).isFalse();
            RowSampler second = (row, step, logits, ctx) -> step == 1 ? 9 : 3;
            GenerationResult r =
                    new BatchGenerator(lm, new GenerationOptions(6, List.of(), true))
                            .generate(List.of("the cat"), second, (a, b) -> {}, () -> false);
            assertThat(r.stopReasons().get(0)).isEqualTo(StopReason.EOS);
            assertThat(r.tokens().get(0)).containsExactly(3);
        }
    }

    @Test
    void aPickleOnlyFolderIsRefusedWithWhyAndWhatToDo() throws IOException {
        Path m = folder(List.of(5), 1);
        Files.delete(m.resolve("model.safetensors"));
        Files.write(m.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2});
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("pytorch_model.bin")
                .hasMessageContaining("runs code")
                .hasMessageContaining("model.safetensors");
    }

    @Test
    void aShardIndexNamingAMissingOrOutsideFileIsRefused() throws IOException {
        Path m = folder(List.of(5), 2);
        Path index = m.resolve("model.safetensors.index.json");
        String json = Files.readString(index);
        Files.writeString(index, json.replace("model-00002-of-00002", "../../etc/x"));
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model.safetensors.index.json");
        Files.writeString(index, json);
        Files.delete(m.resolve("model-00002-of-00002.safetensors"));
        assertThatThrownBy(() -> LanguageModel.open(m.toString()))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("model-00002-of-00002.safetensors")
                .hasMessageContaining("missing");
    }

    @Test
    void randomTinyLlamaRunsSessionsAndBatches() {
        try (LanguageModel lm = LanguageModel.open("random:tiny-llama");
                DecodeSession s = new DecodeSession(lm, "Hello", 1)) {
            assertThat(lm.summary().family()).isEqualTo("llama");
            assertThat(lm.summary().kvHeads()).isEqualTo(2);
            SamplingPipeline greedy = SamplingPipeline.of(SamplingSettings.greedyDecoding());
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(s.step(greedy).tokenId());
            }
            s.back();
            s.back();
            assertThat(s.step(greedy).tokenId()).isEqualTo(ids.get(3));
            GenerationResult batch =
                    new BatchGenerator(lm, new GenerationOptions(5, List.of(), true))
                            .generate(
                                    List.of("Hello", "a longer prompt"),
                                    RowSampler.greedy(),
                                    (a, b) -> {},
                                    () -> false);
            GenerationResult alone =
                    new BatchGenerator(lm, new GenerationOptions(5, List.of(), true))
                            .generate(
                                    List.of("a longer prompt"),
                                    RowSampler.greedy(),
                                    (a, b) -> {},
                                    () -> false);
            assertThat(batch.tokens().get(1)).containsExactly(alone.tokens().get(0));
        }
    }

    @Test
    void evalLogProbsEqualTheLogSoftmaxOfAllPositionLogits() {
        try (LanguageModel lm = LanguageModel.open("random:tiny-llama")) {
            int[][] rows = {{5, 9, 300, 7, 1, 44}, {8, 8, 8, 2, 1000, 3}};
            float[][] scores = lm.model().nextTokenLogProbs(rows);
            for (int r = 0; r < rows.length; r++) {
                float[][] logits = lm.model().logitsAllPositions(rows[r]);
                for (int i = 0; i < rows[r].length - 1; i++) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (float v : logits[i]) {
                        max = Math.max(max, v);
                    }
                    double sum = 0;
                    for (float v : logits[i]) {
                        sum += Math.exp(v - max);
                    }
                    double expected = logits[i][rows[r][i + 1]] - max - Math.log(sum);
                    assertThat((double) scores[r][i]).isCloseTo(expected, within(1e-4));
                }
            }
        }
    }
}
