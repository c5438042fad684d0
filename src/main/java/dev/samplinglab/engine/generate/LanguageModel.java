package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import dev.samplinglab.engine.model.Decoders;
import dev.samplinglab.engine.model.GenerationConfig;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A decoder and its tokenizer, opened from a Hugging Face folder or built at random. */
public final class LanguageModel implements AutoCloseable {
    private final String name;
    private final Decoder model;
    private final TextTokenizer tokenizer;
    private final int[] stopIds;

    public LanguageModel(String name, Decoder model, TextTokenizer tokenizer) {
        this(name, model, tokenizer, new int[0]);
    }

    /**
     * @param stopIds end-of-sequence ids from generation_config.json, each ending generation like
     *     the tokenizer's and the config's
     */
    public LanguageModel(String name, Decoder model, TextTokenizer tokenizer, int[] stopIds) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
        this.stopIds = stopIds.clone();
    }

    /** Opens a model spec: see {@link ModelSpec#parse} for the accepted forms. */
    public static LanguageModel open(String spec) {
        return ModelSpec.parse(spec).open();
    }

    /**
     * The {@code model_type} values of config.json that {@link #openFolder} runs; the model picker
     * and the {@code models} command ask this instead of keeping their own list.
     */
    public static java.util.Set<String> supportedModelTypes() {
        return dev.samplinglab.engine.model.Decoders.modelTypes();
    }

    /**
     * Opens a Hugging Face model folder as published: config.json (model_type gpt2, llama, qwen2 or
     * qwen3), model.safetensors or its shards, tokenizer.json, and generation_config.json when
     * present.
     */
    public static LanguageModel openFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(
                    ("%s is not a folder; choose a Hugging Face model folder with config.json,"
                                    + " model.safetensors and tokenizer.json")
                            .formatted(dir));
        }
        if (!Files.isRegularFile(dir.resolve("tokenizer.json"))) {
            throw new ModelLoadException(
                    ("tokenizer.json is missing in %s: a model folder needs config.json,"
                                    + " model.safetensors and tokenizer.json")
                            .formatted(dir));
        }
        Decoder decoder = Decoders.open(dir);
        try {
            int vocab = decoder.summary().vocab();
            int[] stops =
                    GenerationConfig.read(dir, vocab)
                            .map(GenerationConfig::eosTokenIds)
                            .orElse(new int[0]);
            HfTextTokenizer tok = HfTextTokenizer.loadFolder(dir);
            if (tok.vocabSize() > vocab) {
                tok.close();
                throw new ModelLoadException(
                        "vocabulary mismatch: tokenizer.json has %d ids but config.json vocab_size is %d"
                                .formatted(tok.vocabSize(), vocab));
            }
            return new LanguageModel(dir.getFileName().toString(), decoder, tok, stops);
        } catch (RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** The same model under another name (a repository id instead of a snapshot's hash). */
    public LanguageModel named(String newName) {
        return new LanguageModel(newName, model, tokenizer, stopIds);
    }

    public Decoder model() {
        return model;
    }

    /** Family, shapes and sizes of the decoder. */
    public DecoderSummary summary() {
        return model.summary();
    }

    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /**
     * The end-of-text id: the tokenizer's if it has one, else generation_config.json's first, else
     * the config's first.
     */
    public int eosId() {
        int id = tokenizer.eosId();
        if (id >= 0) {
            return id;
        }
        return stopIds.length > 0 ? stopIds[0] : summary().eosId();
    }

    /**
     * Whether {@code id} ends generation: the tokenizer's EOS, any of generation_config.json's or
     * any of the config's.
     */
    public boolean isEos(int id) {
        return id == eosId()
                || java.util.Arrays.stream(stopIds).anyMatch(s -> s == id)
                || summary().eosIds().contains(id);
    }

    /**
     * Ids the tokenizer can show: embedding rows past it (Qwen pads 151,936 rows for about 151,665
     * tokens) are cut from the logits before sampling, so they are never shown or drawn.
     */
    public int shownVocab() {
        return Math.min(tokenizer.vocabSize(), summary().vocab());
    }

    /** {@code logits} without the rows the tokenizer cannot show (the same array when none). */
    public float[] shown(float[] logits) {
        int n = shownVocab();
        return logits.length <= n ? logits : java.util.Arrays.copyOf(logits, n);
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
