package dev.samplinglab.engine.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens the decoder of a Hugging Face model folder by the {@code model_type} of its config.json:
 * gpt2 runs on {@link GptModel}; llama, qwen2 and qwen3 on {@link LlamaModel}.
 */
public final class Decoders {
    private Decoders() {}

    /** The loader of each model_type that opens, in the order messages list them. */
    private static final Map<String, Function<Path, Decoder>> LOADERS = new LinkedHashMap<>();

    static {
        LOADERS.put(GptModel.MODEL_TYPE, GptModel::load);
        for (LlamaConfig.Family f : LlamaConfig.Family.values()) {
            LOADERS.put(f.modelType(), LlamaModel::load);
        }
    }

    /** The model_type values that open (the model picker and the models command ask this). */
    public static Set<String> modelTypes() {
        return Collections.unmodifiableSet(LOADERS.keySet());
    }

    /** The model_type values that open, as a message lists them. */
    public static final String SUPPORTED = String.join(", ", LOADERS.keySet());

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
        ConfigJson json = ConfigJson.read(config);
        String type = modelType(json);
        Function<Path, Decoder> loader = LOADERS.get(type);
        if (loader == null) {
            throw json.error(
                    "model_type", "must be one of %s (got '%s')".formatted(SUPPORTED, type));
        }
        return loader.apply(dir);
    }

    /** A config without model_type but with GPT-2's keys is GPT-2 (older files of this project). */
    private static String modelType(ConfigJson c) {
        boolean gpt2Keys = c.has("n_layer") || c.has("n_embd") || c.has("n_head");
        return !c.has("model_type") && gpt2Keys
                ? GptModel.MODEL_TYPE
                : c.requiredString("model_type");
    }
}
