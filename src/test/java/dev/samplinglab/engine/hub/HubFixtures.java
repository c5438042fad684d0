package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.SafetensorsWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Small model repositories (real safetensors headers) and the cache helpers the hub tests share.
 */
public final class HubFixtures {
    public static final ModelSupport GPT2_ONLY = () -> Set.of("gpt2");

    private HubFixtures() {}

    /** A safetensors file of {@code floats} F32 values in tensors "a" [n/2] and "b" [n - n/2]. */
    public static byte[] safetensors(int floats, DType dtype) {
        try {
            Path tmp = Files.createTempFile("fixture", ".safetensors");
            float[] a = new float[floats / 2];
            float[] b = new float[floats - floats / 2];
            for (int i = 0; i < a.length; i++) {
                a[i] = (i % 97) / 97f;
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = -(i % 89) / 89f;
            }
            new SafetensorsWriter(dtype)
                    .add("a", new long[] {a.length}, a)
                    .add("b", new long[] {b.length}, b)
                    .write(tmp);
            byte[] bytes = Files.readAllBytes(tmp);
            Files.delete(tmp);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] config(String modelType) {
        return text("{\"model_type\": \"%s\", \"vocab_size\": 16}".formatted(modelType));
    }

    /** A GPT-2-like repository: config, tokenizer, generation config and one safetensors file. */
    public static Map<String, byte[]> gpt2Repo(int floats) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config("gpt2"));
        files.put("generation_config.json", text("{\"eos_token_id\": 15}"));
        files.put("tokenizer.json", text("{\"model\": {\"type\": \"BPE\"}}"));
        files.put("model.safetensors", safetensors(floats, DType.F32));
        return files;
    }

    /** The same model in two shards with an index. */
    public static Map<String, byte[]> shardedRepo() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config("gpt2"));
        files.put("tokenizer.json", text("{}"));
        files.put("tokenizer_config.json", text("{}"));
        files.put("model-00001-of-00002.safetensors", safetensors(1000, DType.BF16));
        files.put("model-00002-of-00002.safetensors", safetensors(500, DType.BF16));
        files.put(
                "model.safetensors.index.json",
                text(
                        """
                {"metadata": {"total_size": 3000},
                 "weight_map": {"a": "model-00001-of-00002.safetensors",
                                "b": "model-00002-of-00002.safetensors"}}"""));
        return files;
    }

    /**
     * Writes one snapshot the way huggingface_hub does: blobs named by sha256 and relative symlinks
     * ({@code symlinks}) or plain files (Windows without symlinks), and {@code refs/main}.
     */
    public static Path writeSnapshot(
            Path cacheRoot,
            String repo,
            String commit,
            Map<String, byte[]> files,
            boolean symlinks) {
        try {
            Path repoDir = cacheRoot.resolve(new RepoId(repo).folderName());
            Path snap = repoDir.resolve("snapshots").resolve(commit);
            Files.createDirectories(snap);
            Files.createDirectories(repoDir.resolve("blobs"));
            for (var e : files.entrySet()) {
                if (!symlinks) {
                    Files.write(snap.resolve(e.getKey()), e.getValue());
                    continue;
                }
                String etag = FakeHub.hex(e.getValue(), "SHA-256");
                Files.write(repoDir.resolve("blobs").resolve(etag), e.getValue());
                Files.createSymbolicLink(
                        snap.resolve(e.getKey()), Path.of("../../blobs").resolve(etag));
            }
            Files.createDirectories(repoDir.resolve("refs"));
            Files.writeString(repoDir.resolve("refs").resolve("main"), commit);
            return snap;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model of {@code modelType} with {@code floats} F32 parameters. */
    public static Map<String, byte[]> model(String modelType, int floats) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("config.json", config(modelType));
        files.put("tokenizer.json", text("{}"));
        files.put("model.safetensors", safetensors(floats, DType.F32));
        return files;
    }
}
