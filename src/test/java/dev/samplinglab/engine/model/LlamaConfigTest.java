package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.model.LlamaConfig.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading Llama-family configs as published, and refusing bad ones with one line. */
class LlamaConfigTest {
    @TempDir Path dir;

    /** Qwen3-0.6B's config.json as published (keys this engine reads, plus a few it ignores). */
    static final String QWEN3 =
            """
            {"architectures": ["Qwen3ForCausalLM"], "attention_bias": false,
             "attention_dropout": 0.0, "bos_token_id": 151643, "eos_token_id": 151645,
             "head_dim": 128, "hidden_act": "silu", "hidden_size": 1024,
             "initializer_range": 0.02, "intermediate_size": 3072,
             "max_position_embeddings": 40960, "max_window_layers": 28, "model_type": "qwen3",
             "num_attention_heads": 16, "num_hidden_layers": 28, "num_key_value_heads": 8,
             "rms_norm_eps": 1e-06, "rope_scaling": null, "rope_theta": 1000000,
             "sliding_window": null, "tie_word_embeddings": true, "torch_dtype": "bfloat16",
             "use_cache": true, "use_sliding_window": false, "vocab_size": 151936}
            """;

    /** Llama-3.2-1B's config.json (llama3 rope scaling, eos a list in generation_config). */
    static final String LLAMA32 =
            """
            {"architectures": ["LlamaForCausalLM"], "attention_bias": false,
             "bos_token_id": 128000, "eos_token_id": 128001, "head_dim": 64,
             "hidden_act": "silu", "hidden_size": 2048, "intermediate_size": 8192,
             "max_position_embeddings": 131072, "mlp_bias": false, "model_type": "llama",
             "num_attention_heads": 32, "num_hidden_layers": 16, "num_key_value_heads": 8,
             "pretraining_tp": 1, "rms_norm_eps": 1e-05,
             "rope_scaling": {"factor": 32.0, "high_freq_factor": 4.0, "low_freq_factor": 1.0,
               "original_max_position_embeddings": 8192, "rope_type": "llama3"},
             "rope_theta": 500000.0, "tie_word_embeddings": true, "vocab_size": 128256}
            """;

    @Test
    void readsQwen3WithExplicitHeadDim() throws Exception {
        Files.writeString(dir.resolve("config.json"), QWEN3);
        LlamaConfig c = LlamaConfig.read(dir);
        assertThat(c.family()).isEqualTo(Family.QWEN3);
        assertThat(c.headDim()).isEqualTo(128).isNotEqualTo(c.hidden() / c.heads());
        assertThat(c.groupSize()).isEqualTo(2);
        assertThat(c.qkNorm()).isTrue();
        assertThat(c.qkvBias()).isFalse();
        assertThat(c.eosIds()).containsExactly(151645);
        assertThat(c.ropeScaling()).isEqualTo(RopeScaling.NONE);
        // Qwen3-0.6B: 596M parameters with the tied head (0.6B as published, 0.44B non-embedding)
        assertThat(c.parameterCount()).isEqualTo(596_049_920L);
    }

    @Test
    void readsLlama32WithLlama3ScalingAndEosListFromGenerationConfig() throws Exception {
        Files.writeString(dir.resolve("config.json"), LLAMA32);
        Files.writeString(
                dir.resolve("generation_config.json"),
                "{\"bos_token_id\": 128000, \"eos_token_id\": [128001, 128008, 128009]}");
        LlamaConfig c = LlamaConfig.read(dir);
        assertThat(c.ropeScaling()).isEqualTo(RopeScaling.llama3(32, 1, 4, 8192));
        assertThat(c.eosIds()).containsExactly(128001, 128008, 128009);
        assertThat(c.bosId()).isEqualTo(128000);
        assertThat(c.groupSize()).isEqualTo(4);
    }

    /** A bad row: key (dotted for rope_scaling), the bad value, a fragment of the message. */
    record Bad(String key, JsonElement value, String expected) {
        @Override
        public String toString() {
            return key + " = " + value;
        }
    }

    static final List<String> REQUIRED =
            List.of(
                    "model_type",
                    "hidden_size",
                    "num_hidden_layers",
                    "num_attention_heads",
                    "intermediate_size",
                    "max_position_embeddings",
                    "vocab_size");

    static Stream<Bad> badRows() {
        List<Bad> rows = new ArrayList<>();
        String[] numeric = {
            "hidden_size",
            "num_hidden_layers",
            "num_attention_heads",
            "num_key_value_heads",
            "head_dim",
            "intermediate_size",
            "max_position_embeddings",
            "vocab_size",
            "rms_norm_eps",
            "rope_theta"
        };
        for (String key : numeric) {
            rows.add(new Bad(key, JsonNull.INSTANCE, key));
            rows.add(new Bad(key, json("\"64\""), key));
            rows.add(new Bad(key, json("-1"), key));
            rows.add(new Bad(key, json("[1]"), key));
        }
        for (String key : new String[] {"hidden_size", "num_hidden_layers", "vocab_size"}) {
            rows.add(new Bad(key, json("1.5"), key));
            rows.add(new Bad(key, json("0"), key));
        }
        rows.add(new Bad("num_key_value_heads", json("5"), "num_key_value_heads"));
        rows.add(new Bad("num_key_value_heads", json("64"), "num_key_value_heads"));
        rows.add(new Bad("head_dim", json("63"), "head_dim"));
        rows.add(new Bad("rms_norm_eps", json("0"), "rms_norm_eps"));
        rows.add(new Bad("rms_norm_eps", json("5"), "rms_norm_eps"));
        for (String key : new String[] {"tie_word_embeddings", "attention_bias", "mlp_bias"}) {
            rows.add(new Bad(key, JsonNull.INSTANCE, key));
            rows.add(new Bad(key, json("\"yes\""), key));
            rows.add(new Bad(key, json("1"), key));
        }
        rows.add(new Bad("mlp_bias", json("true"), "mlp_bias"));
        rows.add(new Bad("use_sliding_window", json("true"), "use_sliding_window"));
        rows.add(new Bad("hidden_act", json("\"gelu\""), "hidden_act"));
        rows.add(new Bad("hidden_act", JsonNull.INSTANCE, "hidden_act"));
        rows.add(new Bad("hidden_act", json("7"), "hidden_act"));
        rows.add(new Bad("model_type", json("\"mistral\""), "model_type"));
        rows.add(new Bad("model_type", JsonNull.INSTANCE, "model_type"));
        rows.add(new Bad("model_type", json("3"), "model_type"));
        rows.add(new Bad("architectures", json("[\"Qwen2ForCausalLM\"]"), "architectures"));
        rows.add(new Bad("architectures", json("\"LlamaForCausalLM\""), "architectures"));
        rows.add(new Bad("rope_scaling", json("\"linear\""), "rope_scaling"));
        rows.add(new Bad("rope_scaling", json("{\"type\": \"yarn\", \"factor\": 2}"), "yarn"));
        rows.add(new Bad("rope_scaling", json("{\"type\": \"linear\"}"), "factor"));
        rows.add(new Bad("rope_scaling", json("{\"type\": \"linear\", \"factor\": 0}"), "factor"));
        rows.add(
                new Bad(
                        "rope_scaling",
                        json("{\"type\": \"linear\", \"factor\": null}"),
                        "factor"));
        rows.add(new Bad("rope_scaling", json("{\"factor\": 2}"), "type"));
        String llama3 =
                "{\"rope_type\": \"llama3\", \"factor\": 8, \"low_freq_factor\": 1,"
                        + " \"high_freq_factor\": 4, \"original_max_position_embeddings\": 8192}";
        for (String key :
                new String[] {
                    "factor",
                    "low_freq_factor",
                    "high_freq_factor",
                    "original_max_position_embeddings"
                }) {
            JsonObject missing = json(llama3).getAsJsonObject();
            missing.remove(key);
            rows.add(new Bad("rope_scaling", missing, key));
            JsonObject nulled = json(llama3).getAsJsonObject();
            nulled.add(key, JsonNull.INSTANCE);
            rows.add(new Bad("rope_scaling", nulled, key));
            JsonObject text = json(llama3).getAsJsonObject();
            text.addProperty(key, "8");
            rows.add(new Bad("rope_scaling", text, key));
            JsonObject negative = json(llama3).getAsJsonObject();
            negative.addProperty(key, -2);
            rows.add(new Bad("rope_scaling", negative, key));
        }
        JsonObject inverted = json(llama3).getAsJsonObject();
        inverted.addProperty("high_freq_factor", 0.5);
        rows.add(new Bad("rope_scaling", inverted, "high_freq_factor"));
        for (String key : REQUIRED) {
            rows.add(new Bad(key, null, key));
        }
        return rows.stream();
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void badConfigIsRefusedWithOneLineNamingFileAndKey(Bad bad) throws Exception {
        JsonObject o = JsonParser.parseString(LLAMA32).getAsJsonObject();
        if (bad.value() == null) {
            o.remove(bad.key());
        } else {
            o.add(bad.key(), bad.value());
        }
        Files.writeString(
                dir.resolve("config.json"), new GsonBuilder().serializeNulls().create().toJson(o));
        assertThatThrownBy(() -> LlamaConfig.read(dir))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("config.json")
                .hasMessageContaining(bad.expected())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badGenerationConfigIsRefusedNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("config.json"), LLAMA32);
        for (String bad : new String[] {"[1, \"x\"]", "200000", "-3", "1.5", "\"2\""}) {
            Files.writeString(
                    dir.resolve("generation_config.json"), "{\"eos_token_id\": %s}".formatted(bad));
            assertThatThrownBy(() -> LlamaConfig.read(dir))
                    .as(bad)
                    .isInstanceOf(ModelLoadException.class)
                    .hasMessageContaining("generation_config.json")
                    .hasMessageContaining("eos_token_id");
        }
    }

    private static JsonElement json(String text) {
        return JsonParser.parseString(text);
    }
}
