package dev.samplinglab.engine.model;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Writes Hugging Face Llama-family folders with random weights for tests. */
public final class LlamaFolders {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private LlamaFolders() {}

    /** Tensor names and shapes of a checkpoint for {@code c} (lm_head only when untied). */
    public static Map<String, long[]> shapes(LlamaConfig c) {
        Map<String, long[]> s = new LinkedHashMap<>();
        long d = c.hidden();
        long hd = c.headDim();
        long q = c.heads() * hd;
        long kv = c.kvHeads() * hd;
        s.put("model.embed_tokens.weight", new long[] {c.vocab(), d});
        for (int l = 0; l < c.layers(); l++) {
            String p = "model.layers." + l + ".";
            String a = p + "self_attn.";
            s.put(p + "input_layernorm.weight", new long[] {d});
            s.put(a + "q_proj.weight", new long[] {q, d});
            s.put(a + "k_proj.weight", new long[] {kv, d});
            s.put(a + "v_proj.weight", new long[] {kv, d});
            if (c.qkvBias()) {
                s.put(a + "q_proj.bias", new long[] {q});
                s.put(a + "k_proj.bias", new long[] {kv});
                s.put(a + "v_proj.bias", new long[] {kv});
            }
            if (c.qkNorm()) {
                s.put(a + "q_norm.weight", new long[] {hd});
                s.put(a + "k_norm.weight", new long[] {hd});
            }
            s.put(a + "o_proj.weight", new long[] {d, q});
            if (c.outputBias()) {
                s.put(a + "o_proj.bias", new long[] {d});
            }
            s.put(p + "post_attention_layernorm.weight", new long[] {d});
            s.put(p + "mlp.gate_proj.weight", new long[] {c.intermediate(), d});
            s.put(p + "mlp.up_proj.weight", new long[] {c.intermediate(), d});
            s.put(p + "mlp.down_proj.weight", new long[] {d, c.intermediate()});
        }
        s.put("model.norm.weight", new long[] {d});
        if (!c.tieWordEmbeddings()) {
            s.put("lm_head.weight", new long[] {c.vocab(), d});
        }
        return s;
    }

    /** Random tensors: matrices uniform in ±0.25, norms 1 ± 0.2, biases ±0.1. */
    public static Map<String, float[]> randomTensors(LlamaConfig c, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<String, float[]> out = new LinkedHashMap<>();
        shapes(c)
                .forEach(
                        (name, shape) -> {
                            int n = 1;
                            for (long x : shape) {
                                n *= (int) x;
                            }
                            float[] a = new float[n];
                            boolean norm = name.endsWith("norm.weight");
                            double width = name.endsWith(".bias") ? 0.1 : norm ? 0.2 : 0.25;
                            for (int i = 0; i < n; i++) {
                                double u = (2 * rng.nextDouble() - 1) * width;
                                a[i] = (float) (norm ? 1 + u : u);
                            }
                            out.put(name, a);
                        });
        return out;
    }

    /**
     * Writes config.json, generation_config.json and the tensors in {@code dtype}, in {@code
     * shards} files (1: model.safetensors; more: model-0000i-of-0000n.safetensors + index).
     */
    public static void write(
            Path dir, LlamaConfig c, Map<String, float[]> tensors, DType dtype, int shards)
            throws IOException {
        Files.createDirectories(dir);
        writeConfig(dir, c);
        Map<String, long[]> shapes = shapes(c);
        if (shards == 1) {
            SafetensorsWriter out = new SafetensorsWriter(dtype);
            tensors.forEach((n, a) -> out.add(n, shapes.get(n), a));
            out.write(dir.resolve("model.safetensors"));
            return;
        }
        List<String> names = new ArrayList<>(tensors.keySet());
        Map<String, String> weightMap = new LinkedHashMap<>();
        for (int s = 0; s < shards; s++) {
            String file = "model-%05d-of-%05d.safetensors".formatted(s + 1, shards);
            SafetensorsWriter out = new SafetensorsWriter(dtype);
            for (int i = s; i < names.size(); i += shards) {
                out.add(names.get(i), shapes.get(names.get(i)), tensors.get(names.get(i)));
                weightMap.put(names.get(i), file);
            }
            out.write(dir.resolve(file));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("metadata", Map.of("total_size", 0));
        index.put("weight_map", weightMap);
        Files.writeString(dir.resolve("model.safetensors.index.json"), GSON.toJson(index));
    }

    /** config.json and generation_config.json (bos/eos) for {@code c}. */
    public static void writeConfig(Path dir, LlamaConfig c) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), GSON.toJson(c.toJson()));
        Map<String, Object> gen = new LinkedHashMap<>();
        if (c.bosId() >= 0) {
            gen.put("bos_token_id", c.bosId());
        }
        gen.put("eos_token_id", c.eosIds().size() == 1 ? c.eosIds().get(0) : c.eosIds());
        Files.writeString(dir.resolve("generation_config.json"), GSON.toJson(gen));
    }

    /** The tensors as stored in the folder (after F16/BF16 rounding), read back by name. */
    static Map<String, float[]> readBack(Path dir) {
        Map<String, float[]> out = new LinkedHashMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".safetensors")).toList()) {
                try (SafetensorsFile f = SafetensorsFile.open(p)) {
                    for (String name : f.tensors().keySet()) {
                        out.put(name, f.readFloats(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }
}
