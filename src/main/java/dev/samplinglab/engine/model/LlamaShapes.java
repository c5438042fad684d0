package dev.samplinglab.engine.model;

import dev.samplinglab.engine.model.LlamaConfig.Family;
import java.util.List;

/**
 * The shapes of published Llama-family models (from their config.json on the Hugging Face hub), for
 * random-weight models with real sizes: benchmarks and tests run on them without a download.
 */
public final class LlamaShapes {
    private LlamaShapes() {}

    /** HuggingFaceTB/SmolLM2-135M: 30 layers, width 576, 9 heads / 3 kv, 135M parameters. */
    public static final LlamaConfig SMOLLM2_135M =
            new LlamaConfig(
                    Family.LLAMA,
                    576,
                    30,
                    9,
                    3,
                    64,
                    1536,
                    1e-5,
                    100_000,
                    RopeScaling.NONE,
                    8192,
                    true,
                    false,
                    49_152,
                    0,
                    List.of(0));

    /** Qwen/Qwen2.5-0.5B: 24 layers, width 896, 14 heads / 2 kv, q/k/v biases, 494M. */
    public static final LlamaConfig QWEN25_05B =
            new LlamaConfig(
                    Family.QWEN2,
                    896,
                    24,
                    14,
                    2,
                    64,
                    4864,
                    1e-6,
                    1_000_000,
                    RopeScaling.NONE,
                    32_768,
                    true,
                    false,
                    151_936,
                    151_643,
                    List.of(151_643));

    /** Qwen/Qwen3-0.6B: 28 layers, width 1024, 16 heads / 8 kv of 128 dims, q/k norms, 596M. */
    public static final LlamaConfig QWEN3_06B =
            new LlamaConfig(
                    Family.QWEN3,
                    1024,
                    28,
                    16,
                    8,
                    128,
                    3072,
                    1e-6,
                    1_000_000,
                    RopeScaling.NONE,
                    40_960,
                    true,
                    false,
                    151_936,
                    151_643,
                    List.of(151_645));

    /**
     * A small Llama for tests: 4 layers, width 128, 4 heads / 2 kv, untied head like TinyLlama,
     * vocab 2048, context 512.
     */
    public static final LlamaConfig TINY_LLAMA =
            new LlamaConfig(
                    Family.LLAMA,
                    128,
                    4,
                    4,
                    2,
                    32,
                    344,
                    1e-5,
                    10_000,
                    RopeScaling.NONE,
                    512,
                    false,
                    false,
                    2048,
                    1,
                    List.of(2));
}
