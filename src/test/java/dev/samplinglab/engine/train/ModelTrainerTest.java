package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.KvCache;
import dev.samplinglab.engine.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelTrainerTest {
    private static final int VOCAB = 257;
    private static final int[] PATTERN = {3, 1, 4, 15, 9, 2, 6, 5};

    static TrainConfig tiny(int steps) {
        return new TrainConfig(
                VOCAB, 2, 2, 32, 16, 8, steps, 1e-2, 1e-3, 4, 0.1, 0.9, 0.99, 1.0, 0.0, 7, 0, 4, 0);
    }

    static ModelConfig modelConfig(TrainConfig c) {
        return new ModelConfig(
                c.layers(), c.heads(), c.dModel(), c.context(), VOCAB, 1e-5, VOCAB - 1, VOCAB - 1);
    }

    static int[] repeated(int length) {
        int[] t = new int[length];
        for (int i = 0; i < length; i++) {
            t[i] = PATTERN[i % PATTERN.length];
        }
        return t;
    }

    @Test
    void lossFallsFarBelowItsStartAndGreedyOutputRepeatsThePattern() {
        TrainConfig c = tiny(40);
        try (GptModel model = GptModel.random(modelConfig(c), c.seed())) {
            ModelTrainer trainer = new ModelTrainer(model, c, repeated(400));
            double first = trainer.step(0).loss();
            double last = first;
            for (int s = 1; s < c.steps(); s++) {
                last = trainer.step(s).loss();
            }
            assertThat(first).isGreaterThan(4.5); // about ln(257) = 5.55 at random init
            assertThat(last).isLessThan(0.3);
            assertThat(greedy(model, new int[] {3, 1, 4}, 9))
                    .containsExactly(15, 9, 2, 6, 5, 3, 1, 4, 15);
        }
    }

    @Test
    void savedModelLoadsWithIdenticalLogits(@TempDir Path dir) throws Exception {
        TrainConfig c = tiny(5);
        Path tokenizer = dir.resolve("tok.json");
        BpeTrainer.train("abc abc abd", 260).writeTokenizerJson(tokenizer);
        Path out = Files.createDirectories(dir.resolve("model"));
        try (GptModel model = GptModel.random(modelConfig(c), 3)) {
            ModelTrainer trainer = new ModelTrainer(model, c, repeated(100));
            for (int s = 0; s < c.steps(); s++) {
                trainer.step(s);
            }
            ModelFiles.writeModel(out, model, tokenizer);
            try (GptModel loaded = GptModel.load(out)) {
                int[] probe = {3, 1, 4, 15, 9, 2, 200, 7};
                float[][] a = model.logitsAllPositions(probe);
                float[][] b = loaded.logitsAllPositions(probe);
                for (int i = 0; i < a.length; i++) {
                    assertThat(b[i]).containsExactly(a[i]);
                }
                assertThat(loaded.config()).isEqualTo(model.config());
            }
        }
    }

    @Test
    void resumingFromACheckpointReproducesTheUninterruptedRun(@TempDir Path dir) throws Exception {
        TrainConfig c =
                new TrainConfig(
                        VOCAB, 2, 2, 32, 16, 4, 6, 1e-2, 1e-3, 2, 0.1, 0.9, 0.99, 1.0, 0.1, 11, 0,
                        4, 0);
        int[] data = repeated(200);
        Path tokenizer = dir.resolve("tok.json");
        BpeTrainer.train("abc abc abd", 260).writeTokenizerJson(tokenizer);
        float[] straight;
        try (GptModel model = GptModel.random(modelConfig(c), c.seed())) {
            ModelTrainer trainer = new ModelTrainer(model, c, data);
            for (int s = 0; s < 6; s++) {
                trainer.step(s);
            }
            straight = flatten(model);
        }
        Path ckpt = dir.resolve("ckpt");
        try (GptModel model = GptModel.random(modelConfig(c), c.seed())) {
            ModelTrainer trainer = new ModelTrainer(model, c, data);
            for (int s = 0; s < 3; s++) {
                trainer.step(s);
            }
            new Checkpoint(3, trainer.optimizer().updates(), c, 1.0, java.util.List.of("x"))
                    .save(ckpt, model, trainer.optimizer(), tokenizer);
        }
        Checkpoint saved = Checkpoint.read(ckpt);
        assertThat(saved.step()).isEqualTo(3);
        assertThat(saved.config()).isEqualTo(c);
        try (GptModel model = Checkpoint.loadModel(ckpt)) {
            ModelTrainer trainer = new ModelTrainer(model, c, data);
            saved.restoreOptimizer(ckpt, trainer.optimizer(), model.weights().parameters().size());
            for (int s = saved.step(); s < 6; s++) {
                trainer.step(s);
            }
            float[] resumed = flatten(model);
            float maxDiff = 0;
            for (int i = 0; i < resumed.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(resumed[i] - straight[i]));
            }
            assertThat(maxDiff).isLessThan(1e-5f);
        }
    }

    private static float[] flatten(GptModel model) {
        return model.weights().parameters().stream()
                .map(a -> a.toFloatArray())
                .reduce(new float[0], ModelTrainerTest::concat);
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] greedy(GptModel model, int[] prompt, int n) {
        int[] out = new int[n];
        try (KvCache cache = model.newCache(1)) {
            float[] logits = model.step(cache, prompt);
            for (int i = 0; i < n; i++) {
                out[i] = TextSampler.argmax(logits);
                logits = model.step(cache, out[i]);
            }
        }
        return out;
    }
}
