package dev.samplinglab.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the decoder of a Hugging Face model folder by the {@code model_type} of its config.json:
 * gpt2 runs on {@link GptModel}; llama, qwen2 and qwen3 on {@link LlamaModel}.
 */
public final class Decoders {
    private Decoders() {}

    /** The model_type values that open. */
    public static final java.util.Set<String> MODEL_TYPES =
            java.util.Set.of(GptModel.MODEL_TYPE, "llama", "qwen2", "qwen3");

    private static final String SUPPORTED = "gpt2, llama, qwen2, qwen3";

    /** Opens {@code dir}'s config and weights; the message of a failure names file and key. */
    public static Decoder open(Path dir) {
        Path config = dir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new ModelLoadException(
                    "config.json is missing in %s: a model folder needs config.json, model.safetensors and tokenizer.json"
                            .formatted(dir));
        }
        if (!CheckpointFiles.present(dir)) {
            throw new ModelLoadException(CheckpointFiles.missingMessage(dir));
        }
        String type = modelType(ConfigKeys.read(config));
        return switch (type) {
            case "gpt2" -> GptModel.load(dir);
            case "llama", "qwen2", "qwen3" -> LlamaModel.load(dir);
            default ->
                    throw new ModelLoadException(
                            "config.json: model_type '%s' is not supported (%s)"
                                    .formatted(type, SUPPORTED));
        };
    }

    /** A config without model_type is read as GPT-2, as this project always has. */
    private static String modelType(ConfigKeys c) {
        return c.has("model_type") ? c.requireString("model_type") : "gpt2";
    }
}
