package dev.samplinglab.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hyperparameters of a Llama-architecture decoder (Llama 2/3, SmolLM2, TinyLlama) or its Qwen2 and
 * Qwen3 variants, read from a Hugging Face {@code config.json} (LlamaConfig, Qwen2Config and
 * Qwen3Config keys) and {@code generation_config.json}. Touvron et al. 2023,
 * https://arxiv.org/abs/2302.13971; Qwen2 https://arxiv.org/abs/2407.10671; Qwen3
 * https://arxiv.org/abs/2505.09388
 *
 * @param family llama, qwen2 or qwen3
 * @param hidden hidden_size
 * @param layers num_hidden_layers
 * @param heads num_attention_heads
 * @param kvHeads num_key_value_heads (default heads)
 * @param headDim head_dim (default hidden / heads; Qwen3-0.6B has 1024 / 16 but head_dim 128)
 * @param intermediate intermediate_size of the SwiGLU MLP
 * @param rmsNormEps rms_norm_eps
 * @param ropeTheta rope_theta
 * @param ropeScaling rope_scaling
 * @param maxPositions max_position_embeddings
 * @param tieWordEmbeddings whether the LM head is the token embedding
 * @param attentionBias attention_bias (Llama: q, k, v and o; Qwen3: q, k, v and o)
 * @param vocab vocab_size
 * @param bosId bos_token_id, -1 when absent
 * @param eosIds every end-of-sequence id (generation_config.json first)
 */
public record LlamaConfig(
        Family family,
        int hidden,
        int layers,
        int heads,
        int kvHeads,
        int headDim,
        int intermediate,
        double rmsNormEps,
        double ropeTheta,
        RopeScaling ropeScaling,
        int maxPositions,
        boolean tieWordEmbeddings,
        boolean attentionBias,
        int vocab,
        int bosId,
        List<Integer> eosIds) {

    /** The model_type values this decoder runs, with their architectures class. */
    public enum Family {
        LLAMA("LlamaForCausalLM"),
        QWEN2("Qwen2ForCausalLM"),
        QWEN3("Qwen3ForCausalLM");

        private final String architecture;

        Family(String architecture) {
            this.architecture = architecture;
        }

        public String modelType() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String architecture() {
            return architecture;
        }
    }

    static final int MAX_WIDTH = 65_536;
    static final int MAX_LAYERS = 1_000;
    static final int MAX_HEADS = 4_096;
    static final int MAX_POSITIONS = 10_000_000;
    static final int MAX_VOCAB = 10_000_000;

    public LlamaConfig {
        eosIds = List.copyOf(eosIds);
        if (heads % kvHeads != 0) {
            throw new ModelLoadException(
                    "config.json: key 'num_key_value_heads' must divide num_attention_heads=%d (got %d)"
                            .formatted(heads, kvHeads));
        }
        if (headDim % 2 != 0) {
            throw new ModelLoadException(
                    "config.json: key 'head_dim' must be even for rotary embeddings (got %d)"
                            .formatted(headDim));
        }
        for (int id : eosIds) {
            if (id >= vocab) {
                throw new ModelLoadException(
                        "eos_token_id %d is outside the vocabulary of %d".formatted(id, vocab));
            }
        }
        if (bosId >= vocab) {
            throw new ModelLoadException(
                    "bos_token_id %d is outside the vocabulary of %d".formatted(bosId, vocab));
        }
    }

    /** Query heads per key/value head (GQA group size; 1 without GQA). */
    public int groupSize() {
        return heads / kvHeads;
    }

    /** Whether q, k and v projections carry a bias (always on Qwen2). */
    public boolean qkvBias() {
        return family == Family.QWEN2 || attentionBias;
    }

    /** Whether o_proj carries a bias (never on Qwen2). */
    public boolean outputBias() {
        return family != Family.QWEN2 && attentionBias;
    }

    /** Whether q and k get a per-head RMSNorm before RoPE (Qwen3). */
    public boolean qkNorm() {
        return family == Family.QWEN3;
    }

    /** Parameter count (a tied head counted once). */
    public long parameterCount() {
        long d = hidden;
        long q = (long) heads * headDim;
        long kv = (long) kvHeads * headDim;
        long attention = d * q + 2 * d * kv + q * d;
        if (qkvBias()) {
            attention += q + 2 * kv;
        }
        if (outputBias()) {
            attention += d;
        }
        if (qkNorm()) {
            attention += 2L * headDim;
        }
        long perLayer = attention + 3 * d * intermediate + 2 * d;
        long embedding = (long) vocab * d;
        return embedding * (tieWordEmbeddings ? 1 : 2) + layers * perLayer + d;
    }

    /** Reads config.json (and generation_config.json when present) from a model folder. */
    public static LlamaConfig read(Path dir) {
        ConfigJson c = ConfigJson.read(dir.resolve("config.json"));
        return fromJson(
                c, ConfigJson.readIfPresent(dir.resolve(GenerationConfig.FILE)).orElse(null));
    }

    static LlamaConfig fromJson(ConfigJson c, ConfigJson generation) {
        Family family = family(c);
        String act = c.optionalString("hidden_act", "silu");
        if (!act.equals("silu")) {
            throw c.error(
                    "hidden_act", "'%s' is not supported (only silu, as in SwiGLU)".formatted(act));
        }
        if (c.optionalBoolean("mlp_bias", false)) {
            throw c.error("mlp_bias", "true is not supported (no published model uses it)");
        }
        if (c.optionalBoolean("use_sliding_window", false)) {
            throw c.error("use_sliding_window", "true is not supported (full attention only)");
        }
        int hidden = c.requiredInt("hidden_size", 1, MAX_WIDTH);
        int heads = c.requiredInt("num_attention_heads", 1, MAX_HEADS);
        int kvHeads = c.optionalInt("num_key_value_heads", heads, 1, heads);
        if (!c.has("head_dim") && hidden % heads != 0) {
            throw c.error(
                    "hidden_size",
                    "%d is not divisible by num_attention_heads=%d and head_dim is not given"
                            .formatted(hidden, heads));
        }
        int headDim = c.optionalInt("head_dim", hidden / heads, 2, MAX_WIDTH);
        int vocab = c.requiredInt("vocab_size", 1, MAX_VOCAB);
        int maxPositions = c.requiredInt("max_position_embeddings", 1, MAX_POSITIONS);
        GenerationConfig fromConfig = GenerationConfig.fromJson(c, vocab);
        GenerationConfig fromGeneration =
                generation == null ? null : GenerationConfig.fromJson(generation, vocab);
        return new LlamaConfig(
                family,
                hidden,
                c.requiredInt("num_hidden_layers", 1, MAX_LAYERS),
                heads,
                kvHeads,
                headDim,
                c.requiredInt("intermediate_size", 1, 16 * MAX_WIDTH),
                c.optionalDouble("rms_norm_eps", 1e-6, 1e-12, 0.1),
                c.optionalDouble("rope_theta", 10_000, 1, 1e12),
                ropeScaling(c),
                maxPositions,
                c.optionalBoolean("tie_word_embeddings", false),
                c.optionalBoolean("attention_bias", false),
                vocab,
                bos(fromConfig, fromGeneration),
                eos(fromConfig, fromGeneration));
    }

    private static Family family(ConfigJson c) {
        String type = c.requiredString("model_type");
        Family family =
                switch (type) {
                    case "llama" -> Family.LLAMA;
                    case "qwen2" -> Family.QWEN2;
                    case "qwen3" -> Family.QWEN3;
                    default ->
                            throw c.error(
                                    "model_type",
                                    "'%s' is not supported (llama, qwen2, qwen3 or gpt2)"
                                            .formatted(type));
                };
        List<String> arch = c.optionalStrings("architectures");
        if (!arch.isEmpty() && !arch.get(0).equals(family.architecture())) {
            throw c.error(
                    "architectures",
                    "'%s' does not match model_type '%s' (expected %s)"
                            .formatted(arch.get(0), type, family.architecture()));
        }
        return family;
    }

    private static RopeScaling ropeScaling(ConfigJson c) {
        ConfigJson s = c.optionalObject("rope_scaling").orElse(null);
        if (s == null) {
            return RopeScaling.NONE;
        }
        String typeKey = s.has("rope_type") ? "rope_type" : "type";
        String type = s.requiredString(typeKey);
        return switch (type) {
            case "default" -> RopeScaling.NONE;
            case "linear" -> RopeScaling.linear(s.requiredDouble("factor", 1e-3, 1e6));
            case "llama3" -> {
                double factor = s.requiredDouble("factor", 1e-3, 1e6);
                double low = s.requiredDouble("low_freq_factor", 1e-3, 1e6);
                double high = s.requiredDouble("high_freq_factor", 1e-3, 1e6);
                if (high <= low) {
                    throw s.error(
                            "high_freq_factor",
                            "must exceed low_freq_factor=%s (got %s)".formatted(low, high));
                }
                yield RopeScaling.llama3(
                        factor,
                        low,
                        high,
                        s.requiredInt("original_max_position_embeddings", 1, MAX_POSITIONS));
            }
            default ->
                    throw s.error(
                            typeKey,
                            "must be default, linear or llama3, or rope_scaling null (got '%s')"
                                    .formatted(type));
        };
    }

    /** generation_config.json's id when it has one, else config.json's, else -1. */
    private static int bos(GenerationConfig config, GenerationConfig generation) {
        if (generation != null && generation.bosTokenId() >= 0) {
            return generation.bosTokenId();
        }
        return config.bosTokenId();
    }

    private static List<Integer> eos(GenerationConfig config, GenerationConfig generation) {
        int[] ids =
                generation != null && generation.eosTokenIds().length > 0
                        ? generation.eosTokenIds()
                        : config.eosTokenIds();
        return java.util.Arrays.stream(ids).boxed().toList();
    }

    /** The config.json keys of this config (random models are written as real folders). */
    public Map<String, Object> toJson() {
        var o = new java.util.LinkedHashMap<String, Object>();
        o.put("architectures", List.of(family.architecture()));
        o.put("model_type", family.modelType());
        o.put("hidden_size", hidden);
        o.put("num_hidden_layers", layers);
        o.put("num_attention_heads", heads);
        o.put("num_key_value_heads", kvHeads);
        o.put("head_dim", headDim);
        o.put("intermediate_size", intermediate);
        o.put("rms_norm_eps", rmsNormEps);
        o.put("rope_theta", ropeTheta);
        o.put("rope_scaling", ropeScalingJson());
        o.put("max_position_embeddings", maxPositions);
        o.put("tie_word_embeddings", tieWordEmbeddings);
        o.put("attention_bias", attentionBias);
        o.put("hidden_act", "silu");
        o.put("vocab_size", vocab);
        if (bosId >= 0) {
            o.put("bos_token_id", bosId);
        }
        o.put("eos_token_id", eosIds.size() == 1 ? eosIds.get(0) : eosIds);
        return o;
    }

    private Map<String, Object> ropeScalingJson() {
        return switch (ropeScaling.type()) {
            case NONE -> null;
            case LINEAR -> Map.of("type", "linear", "factor", ropeScaling.factor());
            case LLAMA3 ->
                    Map.of(
                            "rope_type", "llama3",
                            "factor", ropeScaling.factor(),
                            "low_freq_factor", ropeScaling.lowFreqFactor(),
                            "high_freq_factor", ropeScaling.highFreqFactor(),
                            "original_max_position_embeddings", ropeScaling.originalMaxPositions());
        };
    }
}
