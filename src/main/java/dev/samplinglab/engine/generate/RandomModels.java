package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.LlamaConfig;
import dev.samplinglab.engine.model.LlamaModel;
import dev.samplinglab.engine.model.LlamaShapes;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.tokenizer.ByteTokenizer;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers;
import dev.samplinglab.engine.tokenizer.SyntheticTokenizers.Kind;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The random-weight models {@code random:NAME} opens: real shapes, seeded weights and a synthetic
 * tokenizer, for tests and benchmarks. A new family adds its shapes to {@link #SHAPES}.
 */
public final class RandomModels {
    /** Weights are drawn from this seed, so every run of a benchmark sees the same model. */
    static final long SEED = 0;

    /** 4 layers, width 128, 4 heads, vocab 2048, context 256. */
    public static final ModelConfig GPT_TINY =
            new ModelConfig(4, 4, 128, 256, 2048, 1e-5, 2047, 2047);

    /** The shapes of GPT-2 small (124M parameters). */
    public static final ModelConfig GPT2_SMALL =
            new ModelConfig(12, 12, 768, 1024, 50257, 1e-5, 50256, 50256);

    /**
     * A named random model.
     *
     * @param name the part after {@code random:}
     * @param summary one line for pickers and help texts
     * @param factory builds the model from a seed
     */
    public record Shape(String name, String summary, LongFunction<LanguageModel> factory) {
        LanguageModel open(long seed) {
            return factory.apply(seed);
        }
    }

    private static final List<Shape> SHAPES =
            List.of(
                    gpt("tiny", "GPT-2 style, 4 layers, width 128, vocab 2048", GPT_TINY),
                    gpt("gpt2-small", "GPT-2 small's shapes, 124M parameters", GPT2_SMALL),
                    llama(
                            "smollm2-135m",
                            "SmolLM2-135M's shapes: Llama, 30 layers, 9 heads / 3 kv, 135M",
                            LlamaShapes.SMOLLM2_135M,
                            Kind.BYTE_LEVEL_CHATML,
                            49_152),
                    llama(
                            "qwen2.5-0.5b",
                            "Qwen2.5-0.5B's shapes: Qwen2, 24 layers, 14 heads / 2 kv, 494M",
                            LlamaShapes.QWEN25_05B,
                            Kind.BYTE_LEVEL_CHATML,
                            151_665),
                    llama(
                            "qwen3-0.6b",
                            "Qwen3-0.6B's shapes: Qwen3, 28 layers, 16 heads / 8 kv of 128, 596M",
                            LlamaShapes.QWEN3_06B,
                            Kind.BYTE_LEVEL_CHATML,
                            151_669),
                    llama(
                            "tiny-llama",
                            "a small Llama for tests: 4 layers, width 128, 4 heads / 2 kv",
                            LlamaShapes.TINY_LLAMA,
                            Kind.SENTENCE_PIECE_ZEPHYR,
                            2048));

    private RandomModels() {}

    /** Every registered shape, in picker order. */
    public static List<Shape> shapes() {
        return SHAPES;
    }

    /** The specs, {@code random:NAME} each. */
    public static List<String> specs() {
        return SHAPES.stream().map(s -> RandomSpec.PREFIX + s.name()).toList();
    }

    static Optional<Shape> find(String name) {
        return SHAPES.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * A Llama-family shape with a synthetic tokenizer of the kind the real model uses; Qwen's
     * embedding has more rows than the tokenizer has ids, as published.
     */
    private static Shape llama(
            String name, String summary, LlamaConfig c, Kind tokenizer, int tokenizerVocab) {
        return new Shape(
                name,
                summary,
                seed -> {
                    LlamaModel model = LlamaModel.random(c, seed);
                    try {
                        return new LanguageModel(
                                RandomSpec.PREFIX + name,
                                model,
                                SyntheticTokenizers.create(tokenizer, tokenizerVocab));
                    } catch (RuntimeException e) {
                        model.close();
                        throw e;
                    }
                });
    }

    private static Shape gpt(String name, String summary, ModelConfig c) {
        return new Shape(
                name,
                summary,
                seed ->
                        new LanguageModel(
                                RandomSpec.PREFIX + name,
                                GptModel.random(c, seed),
                                new ByteTokenizer(c.vocabSize())));
    }
}
