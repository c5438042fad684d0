package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import dev.samplinglab.engine.model.Decoders;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.LlamaModel;
import dev.samplinglab.engine.model.LlamaShapes;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.tokenizer.ByteTokenizer;
import dev.samplinglab.engine.tokenizer.HfTextTokenizer;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;

/** A decoder and its tokenizer, opened from a Hugging Face folder or built at random. */
public final class LanguageModel implements AutoCloseable {
    /** 4 layers, width 128, 4 heads, vocab 2048, context 256. */
    public static final ModelConfig TINY = new ModelConfig(4, 4, 128, 256, 2048, 1e-5, 2047, 2047);

    /** The shapes of GPT-2 small (124M parameters). */
    public static final ModelConfig GPT2_SMALL =
            new ModelConfig(12, 12, 768, 1024, 50257, 1e-5, 50256, 50256);

    private final String name;
    private final Decoder model;
    private final TextTokenizer tokenizer;

    public LanguageModel(String name, Decoder model, TextTokenizer tokenizer) {
        this.name = name;
        this.model = model;
        this.tokenizer = tokenizer;
    }

    /** Opens a folder path, {@code random:tiny} or {@code random:gpt2-small}. */
    public static LanguageModel open(String spec) {
        if (spec.startsWith("random:")) {
            return random(spec);
        }
        return openFolder(Path.of(spec));
    }

    /**
     * The {@code model_type} values of config.json that {@link #openFolder} runs; the model picker
     * and the {@code models} command ask this instead of keeping their own list.
     */
    public static java.util.Set<String> supportedModelTypes() {
        return java.util.Set.of(GptModel.MODEL_TYPE);
    }

    /** The model shipped in assets/models (the app's and the CLI's default). */
    public static LanguageModel bundledDefault() {
        return openFolder(BundledModels.defaultModelDir());
    }

    /**
     * Opens a Hugging Face model folder as published: config.json (model_type gpt2, llama, qwen2 or
     * qwen3), model.safetensors or its shards, tokenizer.json.
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
            HfTextTokenizer tok = HfTextTokenizer.load(dir.resolve("tokenizer.json"));
            if (tok.vocabSize() > decoder.summary().vocab()) {
                tok.close();
                throw new ModelLoadException(
                        "vocabulary mismatch: tokenizer.json has %d ids but config.json vocab_size is %d"
                                .formatted(tok.vocabSize(), decoder.summary().vocab()));
            }
            return new LanguageModel(dir.getFileName().toString(), decoder, tok);
        } catch (RuntimeException e) {
            decoder.close();
            throw e;
        }
    }

    private static LanguageModel random(String spec) {
        Decoder decoder =
                switch (spec) {
                    case "random:tiny" -> GptModel.random(TINY, 0);
                    case "random:gpt2-small" -> GptModel.random(GPT2_SMALL, 0);
                    case "random:smollm2-135m" -> LlamaModel.random(LlamaShapes.SMOLLM2_135M, 0);
                    case "random:qwen2.5-0.5b" -> LlamaModel.random(LlamaShapes.QWEN25_05B, 0);
                    case "random:qwen3-0.6b" -> LlamaModel.random(LlamaShapes.QWEN3_06B, 0);
                    case "random:tiny-llama" -> LlamaModel.random(LlamaShapes.TINY_LLAMA, 0);
                    default ->
                            throw new ModelLoadException(
                                    "unknown model '%s'; use a folder path or one of %s"
                                            .formatted(spec, String.join(", ", RANDOM)));
                };
        return new LanguageModel(spec, decoder, new ByteTokenizer(decoder.summary().vocab()));
    }

    /** The random-weight models, by spec. */
    public static final java.util.List<String> RANDOM =
            java.util.List.of(
                    "random:tiny",
                    "random:gpt2-small",
                    "random:smollm2-135m",
                    "random:qwen2.5-0.5b",
                    "random:qwen3-0.6b",
                    "random:tiny-llama");

    public String name() {
        return name;
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

    /** The end-of-text id: the tokenizer's if it has one, else the config's first. */
    public int eosId() {
        int id = tokenizer.eosId();
        return id >= 0 ? id : summary().eosId();
    }

    /** Whether {@code id} ends generation: the tokenizer's EOS or any of the config's. */
    public boolean isEos(int id) {
        return id == eosId() || summary().eosIds().contains(id);
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
