package dev.samplinglab.app;

import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Model folders for UI tests: a valid tiny one and a broken one. */
final class ModelFolders {
    private ModelFolders() {}

    /** A valid Hugging Face style folder (BPE tokenizer, 1 layer, 64 positions). */
    static Path valid(Path dir) throws IOException {
        Files.createDirectories(dir);
        var bpe =
                BpeTrainer.train(
                        "the cat sat on the mat; the dog sat on the log.\n".repeat(30), 290);
        bpe.writeTokenizerJson(dir.resolve("tokenizer.json"));
        int v = bpe.vocabSize();
        ModelConfig c = new ModelConfig(1, 2, 8, 64, v, 1e-5, v - 1, v - 1);
        try (GptModel g = GptModel.random(c, 1)) {
            WeightLoader.save(g.weights(), c, dir.resolve("model.safetensors"), DType.F32);
        }
        Files.writeString(dir.resolve("config.json"), c.toJson().toString());
        return dir;
    }

    /** A folder whose safetensors header claims more bytes than the file has. */
    static Path broken(Path dir) throws IOException {
        valid(dir);
        byte[] bytes = Files.readAllBytes(dir.resolve("model.safetensors"));
        bytes[0] = (byte) 0xff;
        bytes[1] = (byte) 0xff;
        bytes[2] = (byte) 0xff;
        Files.write(dir.resolve("model.safetensors"), bytes);
        return dir;
    }
}
