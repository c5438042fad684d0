package dev.samplinglab.engine.model;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The safetensors weights of a model folder: {@code model.safetensors}, or the shards listed in
 * {@code model.safetensors.index.json} (Hugging Face's sharded layout), each opened through the
 * validating {@link SafetensorsFile}. Pickle checkpoints ({@code pytorch_model.bin}) are refused:
 * loading one runs arbitrary code.
 */
public final class CheckpointFiles implements AutoCloseable {
    static final String SINGLE = "model.safetensors";
    static final String INDEX = "model.safetensors.index.json";
    private static final Pattern SHARD_NAME = Pattern.compile("[A-Za-z0-9._-]+\\.safetensors");

    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private CheckpointFiles(List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.files = files;
        this.byTensor = byTensor;
    }

    /** Whether {@code dir} holds safetensors weights in either layout. */
    public static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SINGLE)) || Files.isRegularFile(dir.resolve(INDEX));
    }

    /** Opens the weights of {@code dir}, single-file or sharded. */
    public static CheckpointFiles open(Path dir) {
        if (Files.isRegularFile(dir.resolve(SINGLE))) {
            SafetensorsFile f = SafetensorsFile.open(dir.resolve(SINGLE));
            Map<String, SafetensorsFile> map = new LinkedHashMap<>();
            f.tensors().keySet().forEach(n -> map.put(n, f));
            return new CheckpointFiles(List.of(f), map);
        }
        if (Files.isRegularFile(dir.resolve(INDEX))) {
            return openSharded(dir);
        }
        throw new ModelLoadException(missingMessage(dir));
    }

    /** Why a folder without safetensors weights cannot be opened, and what to do. */
    static String missingMessage(Path dir) {
        if (Files.isRegularFile(dir.resolve("pytorch_model.bin"))
                || Files.isRegularFile(dir.resolve("pytorch_model.bin.index.json"))) {
            return ("%s has only pytorch_model.bin: that is a Python pickle, and loading a pickle"
                            + " runs code from the file, so it is refused; download the"
                            + " model.safetensors version of the model (most hub models have one),"
                            + " or convert it once with the safetensors library")
                    .formatted(dir);
        }
        return ("model.safetensors is missing in %s (and no model.safetensors.index.json with"
                        + " shards): a model folder needs config.json, model.safetensors and"
                        + " tokenizer.json")
                .formatted(dir);
    }

    private static CheckpointFiles openSharded(Path dir) {
        ConfigJson index = ConfigJson.read(dir.resolve(INDEX));
        ConfigJson weightMap =
                index.optionalObject("weight_map")
                        .orElseThrow(() -> index.error("weight_map", "is missing or null"));
        Map<String, SafetensorsFile> shards = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        try {
            for (String tensor : weightMap.keys()) {
                String shard = shardName(tensor, weightMap.requiredString(tensor));
                SafetensorsFile file = shards.computeIfAbsent(shard, s -> openShard(dir, s));
                if (!file.tensors().containsKey(tensor)) {
                    throw new ModelLoadException(
                            "%s: tensor '%s' is listed in %s but that file does not hold it"
                                    .formatted(INDEX, tensor, shard));
                }
                byTensor.put(tensor, file);
            }
        } catch (RuntimeException e) {
            shards.values().forEach(SafetensorsFile::close);
            throw e;
        }
        return new CheckpointFiles(new ArrayList<>(shards.values()), byTensor);
    }

    private static String shardName(String tensor, String shard) {
        if (!SHARD_NAME.matcher(shard).matches()) {
            throw new ModelLoadException(
                    "%s: weight_map entry '%s' names '%s', not a .safetensors file in the folder"
                            .formatted(INDEX, tensor, shard));
        }
        return shard;
    }

    private static SafetensorsFile openShard(Path dir, String shard) {
        if (!Files.isRegularFile(dir.resolve(shard))) {
            throw new ModelLoadException(
                    "%s lists shard %s, which is missing in %s".formatted(INDEX, shard, dir));
        }
        return SafetensorsFile.open(dir.resolve(shard));
    }

    /** The entry of {@code name}, or null when no file has it. */
    public TensorInfo info(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? null : f.tensors().get(name);
    }

    /** The file name holding {@code name} (for messages). */
    public String fileOf(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f == null ? SINGLE : f.path().getFileName().toString();
    }

    /** Reads a tensor converted to float32 in native order. */
    public ByteBuffer readAsFloat32(String name) {
        SafetensorsFile f = byTensor.get(name);
        return f.readAsFloat32(f.tensors().get(name));
    }

    /** Number of files opened (1 unless sharded). */
    public int fileCount() {
        return files.size();
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }
}
