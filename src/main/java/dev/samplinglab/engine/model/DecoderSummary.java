package dev.samplinglab.engine.model;

import java.util.List;
import java.util.Locale;

/**
 * What a loaded {@link Decoder} is: its family and shapes, and the bytes its weights take and a
 * decode step reads. The KV-cache formula lives here because GQA models store only the kv heads: 2
 * (K and V) · layers · positions · kv_heads · head_dim · 4 bytes (fp32). Ainslie et al. 2023,
 * https://arxiv.org/abs/2305.13245
 *
 * @param family the config's model_type: gpt2, llama, qwen2 or qwen3
 * @param layers transformer blocks
 * @param hidden model width
 * @param heads query heads
 * @param kvHeads key/value heads (= heads without GQA)
 * @param headDim width of one head
 * @param vocab rows of the token embedding (may exceed the tokenizer's vocabulary)
 * @param context positions the model accepts
 * @param parameters parameter count (a tied head counted once)
 * @param weightBytes bytes of the weights as held in memory (fp32)
 * @param bytesReadPerToken weight bytes a one-token decode step reads (every matrix once; the
 *     embedding only when it is also the LM head)
 * @param bosId beginning-of-sequence id, -1 when the model has none
 * @param eosIds every id that ends generation (generation_config.json may list several)
 */
public record DecoderSummary(
        String family,
        int layers,
        int hidden,
        int heads,
        int kvHeads,
        int headDim,
        int vocab,
        int context,
        long parameters,
        long weightBytes,
        long bytesReadPerToken,
        int bosId,
        List<Integer> eosIds) {

    public DecoderSummary {
        eosIds = List.copyOf(eosIds);
    }

    /** Bytes of keys and values for {@code positions} of one row: 2 · L · T · kv_heads · hd · 4. */
    public static long kvCacheBytes(int layers, int positions, int kvHeads, int headDim) {
        return 2L * layers * positions * kvHeads * headDim * 4L;
    }

    /** Bytes of keys and values this model holds for {@code positions} of one row. */
    public long kvCacheBytes(int positions) {
        return kvCacheBytes(layers, positions, kvHeads, headDim);
    }

    /** The first end-of-sequence id, -1 when there is none. */
    public int eosId() {
        return eosIds.isEmpty() ? -1 : eosIds.get(0);
    }

    /** Parameters rounded for people: 135M, 1.1B. */
    public String sizeLabel() {
        double p = parameters;
        if (p >= 1e9) {
            return String.format(Locale.ROOT, "%.1fB", p / 1e9);
        }
        if (p >= 1e6) {
            return String.format(Locale.ROOT, "%.0fM", p / 1e6);
        }
        return String.format(Locale.ROOT, "%.0fK", p / 1e3);
    }

    /** One line for the picker and the CLI: family, size and shapes. */
    public String describe() {
        String attention =
                kvHeads == heads
                        ? "%d heads".formatted(heads)
                        : "%d heads / %d kv (GQA)".formatted(heads, kvHeads);
        return "%s · %s · %d layers · width %d · %s · head %d · context %d · vocab %d"
                .formatted(family, sizeLabel(), layers, hidden, attention, headDim, context, vocab);
    }
}
