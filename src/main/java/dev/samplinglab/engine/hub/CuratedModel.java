package dev.samplinglab.engine.hub;

import java.util.List;

/**
 * A model the "Get a model…" dialog suggests, with its download size and what it is good for. Sizes
 * are those of the safetensors weights on the Hub; the download shows the exact total before the
 * first byte.
 *
 * @param repo the repository
 * @param size approximate download size, e.g. "548 MB"
 * @param goodFor one line on why a teacher would pick it
 * @param gated whether the Hub asks to accept a licence first (then HF_TOKEN is needed)
 */
public record CuratedModel(RepoId repo, String size, String goodFor, boolean gated) {

    /** The suggested models, smallest first within each family. */
    public static final List<CuratedModel> ALL =
            List.of(
                    of(
                            "openai-community/gpt2",
                            "548 MB",
                            "the classic GPT-2 small (124M, F32): the model the tutorials use",
                            false),
                    of(
                            "distilbert/distilgpt2",
                            "353 MB",
                            "a smaller, faster GPT-2 (82M, F32)",
                            false),
                    of(
                            "HuggingFaceTB/SmolLM2-135M",
                            "270 MB",
                            "modern Llama-style model (135M, BF16), much better English than GPT-2",
                            false),
                    of(
                            "HuggingFaceTB/SmolLM2-135M-Instruct",
                            "270 MB",
                            "the same, tuned to follow instructions (chat)",
                            false),
                    of(
                            "HuggingFaceTB/SmolLM2-360M",
                            "724 MB",
                            "a larger SmolLM2 (360M, BF16): better text, slower steps",
                            false),
                    of(
                            "HuggingFaceTB/SmolLM2-360M-Instruct",
                            "724 MB",
                            "the 360M model tuned for chat",
                            false),
                    of(
                            "Qwen/Qwen2.5-0.5B",
                            "988 MB",
                            "Qwen2.5 base (494M, BF16): multilingual, code",
                            false),
                    of("Qwen/Qwen2.5-0.5B-Instruct", "988 MB", "Qwen2.5 tuned for chat", false),
                    of(
                            "Qwen/Qwen3-0.6B",
                            "1.5 GB",
                            "Qwen3 (0.6B, BF16): recent, with thinking-mode chat",
                            false),
                    of(
                            "TinyLlama/TinyLlama-1.1B-Chat-v1.0",
                            "2.2 GB",
                            "Llama 2 architecture chat model (1.1B, BF16)",
                            false),
                    of(
                            "meta-llama/Llama-3.2-1B",
                            "2.5 GB",
                            "Meta's Llama 3.2 1B (BF16); gated: accept the licence on its page and set HF_TOKEN",
                            true));

    private static CuratedModel of(String repo, String size, String goodFor, boolean gated) {
        return new CuratedModel(new RepoId(repo), size, goodFor, gated);
    }
}
