package dev.samplinglab.engine.train;

import com.google.gson.GsonBuilder;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.WeightLoader;
import java.io.IOException;
import java.nio.file.Path;

/** Writes a Hugging Face GPT-2 folder: config.json, model.safetensors (F32), tokenizer.json. */
final class ModelFiles {
    private ModelFiles() {}

    static void writeModel(Path dir, GptModel model, Path tokenizerJson) throws IOException {
        WeightLoader.save(
                model.weights(), model.config(), dir.resolve("model.safetensors"), DType.F32);
        AtomicFiles.writeString(
                dir.resolve("config.json"),
                new GsonBuilder().setPrettyPrinting().create().toJson(model.config().toJson())
                        + "\n");
        AtomicFiles.copy(tokenizerJson, dir.resolve("tokenizer.json"));
    }
}
