package dev.samplinglab.engine.model;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Path;

/**
 * Hyperparameters of a GPT-2 decoder, read from a Hugging Face {@code config.json} (GPT2Config
 * keys). See Radford et al. 2019,
 * https://cdn.openai.com/better-language-models/language_models_are_unsupervised_multitask_learners.pdf
 *
 * @param nLayer number of transformer blocks
 * @param nHead attention heads per block
 * @param nEmbd model width
 * @param nPositions context length (learned position embeddings)
 * @param vocabSize rows of the token embedding
 * @param layerNormEpsilon epsilon of every layer norm
 * @param bosTokenId beginning-of-sequence id
 * @param eosTokenId end-of-sequence id
 */
public record ModelConfig(
        int nLayer,
        int nHead,
        int nEmbd,
        int nPositions,
        int vocabSize,
        double layerNormEpsilon,
        int bosTokenId,
        int eosTokenId) {

    static final int MAX_POSITIONS = 1_000_000;
    static final int MAX_VOCAB = 10_000_000;
    static final int MAX_WIDTH = 65_536;
    static final int MAX_LAYERS = 1_000;

    public ModelConfig {
        require(nLayer >= 1 && nLayer <= MAX_LAYERS, "n_layer", "1.." + MAX_LAYERS, nLayer);
        require(nHead >= 1, "n_head", ">= 1", nHead);
        require(nEmbd >= 1 && nEmbd <= MAX_WIDTH, "n_embd", "1.." + MAX_WIDTH, nEmbd);
        require(nEmbd % nHead == 0, "n_embd", "divisible by n_head=" + nHead, nEmbd);
        require(
                nPositions >= 1 && nPositions <= MAX_POSITIONS,
                "n_positions",
                "1.." + MAX_POSITIONS,
                nPositions);
        require(
                vocabSize >= 1 && vocabSize <= MAX_VOCAB,
                "vocab_size",
                "1.." + MAX_VOCAB,
                vocabSize);
        require(
                layerNormEpsilon > 0 && layerNormEpsilon < 1,
                "layer_norm_epsilon",
                "in (0, 1)",
                layerNormEpsilon);
        require(
                eosTokenId >= 0 && eosTokenId < vocabSize,
                "eos_token_id",
                "< vocab_size",
                eosTokenId);
        require(
                bosTokenId >= 0 && bosTokenId < vocabSize,
                "bos_token_id",
                "< vocab_size",
                bosTokenId);
    }

    /** Width of one attention head. */
    public int headSize() {
        return nEmbd / nHead;
    }

    /** Parameter count with the LM head tied to the token embedding. */
    public long parameterCount() {
        long d = nEmbd;
        long perLayer =
                2 * d
                        + (d * 3 * d + 3 * d)
                        + (d * d + d)
                        + 2 * d
                        + (d * 4 * d + 4 * d)
                        + (4 * d * d + d);
        return (long) vocabSize * d + (long) nPositions * d + nLayer * perLayer + 2 * d;
    }

    /** Reads and validates {@code config.json}: every key's type, range and presence. */
    public static ModelConfig read(Path file) {
        return fromJson(ConfigJson.read(file));
    }

    /** The GPT2Config keys this decoder uses; each failure names the file and the key. */
    public static ModelConfig fromJson(ConfigJson c) {
        String act = c.optionalString("activation_function", "gelu_new");
        if (!act.equals("gelu_new") && !act.equals("gelu_pytorch_tanh")) {
            throw c.error(
                    "activation_function",
                    "'%s' is not supported (expected gelu_new)".formatted(act));
        }
        int layers = c.requiredInt("n_layer", 1, MAX_LAYERS);
        int width = c.requiredInt("n_embd", 1, MAX_WIDTH);
        int heads = c.requiredInt("n_head", 1, width);
        if (width % heads != 0) {
            throw c.error("n_head", "must divide n_embd=%d (got %d)".formatted(width, heads));
        }
        int positions = c.requiredInt("n_positions", 1, MAX_POSITIONS);
        int vocab = c.requiredInt("vocab_size", 1, MAX_VOCAB);
        double eps = c.optionalDouble("layer_norm_epsilon", 1e-5, 1e-12, 0.1);
        int bos = c.optionalInt("bos_token_id", vocab - 1, 0, vocab - 1);
        int eos = c.optionalInt("eos_token_id", vocab - 1, 0, vocab - 1);
        return new ModelConfig(layers, heads, width, positions, vocab, eps, bos, eos);
    }

    /** The JSON form written next to trained weights (Hugging Face GPT2Config keys). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("architectures", JsonParser.parseString("[\"GPT2LMHeadModel\"]"));
        o.addProperty("model_type", "gpt2");
        o.addProperty("n_layer", nLayer);
        o.addProperty("n_head", nHead);
        o.addProperty("n_embd", nEmbd);
        o.addProperty("n_positions", nPositions);
        o.addProperty("n_ctx", nPositions);
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("layer_norm_epsilon", layerNormEpsilon);
        o.addProperty("activation_function", "gelu_new");
        o.addProperty("bos_token_id", bosTokenId);
        o.addProperty("eos_token_id", eosTokenId);
        o.addProperty("tie_word_embeddings", true);
        o.addProperty("torch_dtype", "float32");
        return o;
    }

    private static void require(boolean ok, String key, String expected, Object got) {
        if (!ok) {
            throw new IllegalArgumentException(key + " must be " + expected + " (got " + got + ")");
        }
    }
}
