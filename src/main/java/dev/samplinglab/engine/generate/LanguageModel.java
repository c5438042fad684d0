package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.GenerationConfig;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A decoder and its tokenizer, opened from a Hugging Face folder or built at random. */
public final class LanguageModel implements AutoCloseable {
    private final String name;
    private final GptModel model;
    private final TextTokenizer tokenizer;
    private final int[] stopIds;

    public LanguageModel(String name, GptModel model, TextTokenizer tokenizer) {
        this(name, model, tokenizer, new int[0]);
    }

    /**
     * @param stopIds end-of-sequence ids from generation_config.json (empty: the tokenizer's, else
     *     the config's)
     */
    public LanguageModel(String name, GptModel model, TextTokenizer tokenizer, int[] stopIds) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.stopIds = stopIds.clone();
    }

    /** Opens a model spec: see {@link ModelSpec#parse} for the accepted forms. */
    public static LanguageModel open(String spec) {
        return ModelSpec.parse(spec).open();
    }

    /** Opens a Hugging Face GPT-2 folder: config.json, model.safetensors, tokenizer.json. */
    public static LanguageModel openFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(
                    dir
                            + " is not a folder; choose a Hugging Face model"
                            + " folder with config.json, model.safetensors and tokenizer.json");
        }
        for (String f : new String[] {"config.json", "model.safetensors", "tokenizer.json"}) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new ModelLoadException(
                        f
                                + " is missing in "
                                + dir
                                + ": a model folder needs config.json, model.safetensors and tokenizer.json");
            }
        }
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        int[] stops =
                GenerationConfig.read(dir, config.vocabSize())
                        .map(GenerationConfig::eosTokenIds)
                        .orElse(new int[0]);
        HfTextTokenizer tok = HfTextTokenizer.load(dir.resolve("tokenizer.json"));
        if (tok.vocabSize() > config.vocabSize()) {
            tok.close();
            throw new ModelLoadException(
                    "vocabulary mismatch: tokenizer.json has %d ids but config.json vocab_size is %d"
                            .formatted(tok.vocabSize(), config.vocabSize()));
        }
        try {
            return new LanguageModel(dir.getFileName().toString(), GptModel.load(dir), tok, stops);
        } catch (RuntimeException e) {
            tok.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    public GptModel model() {
        return model;
    }

    public ModelConfig config() {
        return model.config();
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The end-of-text id: the first of generation_config.json's, else the tokenizer's, else the
     * config's.
     */
    public int eosId() {
        if (stopIds.length > 0) {
            return stopIds[0];
        }
        int id = tokenizer.eosId();
        return id >= 0 ? id : config().eosTokenId();
    }

    /** Every id that ends generation (generation_config.json may list several). */
    public int[] stopIds() {
        return stopIds.length > 0 ? stopIds.clone() : new int[] {eosId()};
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
