package dev.samplinglab.engine.model;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The token ids of a Hugging Face {@code generation_config.json} that decoding uses: the
 * beginning-of-sequence id and the end-of-sequence ids ({@code eos_token_id} is one id or a list;
 * any of them stops). See https://huggingface.co/docs/transformers/main_classes/text_generation
 *
 * @param bosTokenId the beginning-of-sequence id, -1 when the file has none
 * @param eosTokenIds the end-of-sequence ids, empty when the file has none
 */
public record GenerationConfig(int bosTokenId, int[] eosTokenIds) {
    public static final String FILE = "generation_config.json";

    public GenerationConfig {
        eosTokenIds = eosTokenIds.clone();
    }

    @Override
    public int[] eosTokenIds() {
        return eosTokenIds.clone();
    }

    /** Reads {@code generation_config.json} of {@code dir} if there is one; ids below vocabSize. */
    public static Optional<GenerationConfig> read(Path dir, int vocabSize) {
        return ConfigJson.readIfPresent(dir.resolve(FILE)).map(c -> fromJson(c, vocabSize));
    }

    /** The keys this engine uses; each failure names the file and the key. */
    public static GenerationConfig fromJson(ConfigJson c, int vocabSize) {
        int max = vocabSize - 1;
        return new GenerationConfig(
                c.optionalInt("bos_token_id", -1, 0, max),
                c.optionalIntOrIntList("eos_token_id", new int[0], 0, max));
    }
}
