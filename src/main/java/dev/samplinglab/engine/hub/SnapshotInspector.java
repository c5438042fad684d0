package dev.samplinglab.engine.hub;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.model.SafetensorsFile;
import dev.samplinglab.engine.model.TensorInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a model folder's facts ({@link ModelFacts}) from {@code config.json} and the safetensors
 * headers (single file or {@code model.safetensors.index.json} with shards), and says why the app
 * cannot open it when it cannot.
 */
public final class SnapshotInspector {
    static final String CONFIG = "config.json";
    static final String SINGLE = "model.safetensors";
    static final String INDEX = "model.safetensors.index.json";
    static final String TOKENIZER = "tokenizer.json";
    private static final long MAX_JSON_BYTES = 50_000_000;

    private final ModelSupport support;

    public SnapshotInspector(ModelSupport support) {
        this.support = support;
    }

    /** The facts of {@code dir}; never throws for a broken folder, it reports the problem. */
    public ModelFacts inspect(Path dir) {
        long size = sizeOnDisk(dir);
        Optional<JsonObject> config = readJson(dir.resolve(CONFIG));
        String family = config.map(SnapshotInspector::modelType).orElse("");
        List<String> problems = new ArrayList<>();
        if (config.isEmpty()) {
            problems.add(
                    Files.exists(dir.resolve(CONFIG))
                            ? "config.json is not valid JSON"
                            : "no config.json");
        } else if (family.isEmpty()) {
            problems.add("config.json has no model_type");
        } else if (!support.runs(family)) {
            problems.add(
                    "model_type %s is not a decoder this app runs (it runs %s)"
                            .formatted(
                                    family,
                                    String.join(
                                            ", ", new java.util.TreeSet<>(support.modelTypes()))));
        }
        Weights weights = readWeights(dir);
        weights.problem().ifPresent(problems::add);
        if (!Files.isRegularFile(dir.resolve(TOKENIZER))) {
            problems.add("no tokenizer.json");
        }
        Optional<String> problem =
                problems.isEmpty() ? Optional.empty() : Optional.of(problems.get(0));
        return new ModelFacts(family, weights.parameters(), weights.dtype(), size, problem);
    }

    private record Weights(long parameters, String dtype, Optional<String> problem) {
        static Weights failed(String problem) {
            return new Weights(-1, "", Optional.of(problem));
        }
    }

    private static Weights readWeights(Path dir) {
        List<String> shards;
        if (Files.isRegularFile(dir.resolve(INDEX))) {
            Optional<List<String>> fromIndex = shardsOf(dir.resolve(INDEX));
            if (fromIndex.isEmpty()) {
                return Weights.failed("model.safetensors.index.json has no weight_map");
            }
            shards = fromIndex.get();
        } else if (Files.isRegularFile(dir.resolve(SINGLE))) {
            shards = List.of(SINGLE);
        } else {
            return Weights.failed(noSafetensorsReason(dir));
        }
        long params = 0;
        Map<String, Long> bytesByType = new TreeMap<>();
        for (String shard : shards) {
            Path file = dir.resolve(shard);
            if (!Files.isRegularFile(file)) {
                return Weights.failed("%s is missing (download incomplete)".formatted(shard));
            }
            try (SafetensorsFile st = SafetensorsFile.open(file)) {
                for (TensorInfo t : st.tensors().values()) {
                    params += t.elementCount();
                    bytesByType.merge(t.dtype().name(), t.end() - t.begin(), Long::sum);
                }
            } catch (ModelLoadException e) {
                return Weights.failed(e.getMessage());
            }
        }
        return new Weights(params, dtypeText(bytesByType), Optional.empty());
    }

    private static String dtypeText(Map<String, Long> bytesByType) {
        return bytesByType.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .reduce((a, b) -> a + "+" + b)
                .orElse("");
    }

    private static String noSafetensorsReason(Path dir) {
        if (Files.exists(dir.resolve("pytorch_model.bin"))
                || Files.exists(dir.resolve("pytorch_model.bin.index.json"))) {
            return "only pytorch_model.bin (pickle, which can run code); the app reads safetensors only";
        }
        if (listNames(dir).stream().anyMatch(n -> n.endsWith(".gguf"))) {
            return "only GGUF files; the app reads safetensors only";
        }
        return "no model.safetensors";
    }

    static Optional<List<String>> shardsOf(Path index) {
        return readJson(index)
                .map(o -> o.get("weight_map"))
                .filter(JsonElement::isJsonObject)
                .map(
                        m -> {
                            Set<String> names = new LinkedHashSet<>();
                            for (var e : m.getAsJsonObject().entrySet()) {
                                if (e.getValue().isJsonPrimitive()) {
                                    names.add(e.getValue().getAsString());
                                }
                            }
                            return List.copyOf(names);
                        })
                .filter(l -> !l.isEmpty() && l.stream().allMatch(SnapshotInspector::isPlainName));
    }

    private static boolean isPlainName(String name) {
        return !name.isEmpty()
                && !name.contains("/")
                && !name.contains("\\")
                && !name.startsWith(".");
    }

    private static String modelType(JsonObject config) {
        JsonElement t = config.get("model_type");
        return t != null && t.isJsonPrimitive() && t.getAsJsonPrimitive().isString()
                ? t.getAsString()
                : "";
    }

    static Optional<JsonObject> readJson(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_JSON_BYTES) {
                return Optional.empty();
            }
            JsonElement root =
                    JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            return root.isJsonObject() ? Optional.of(root.getAsJsonObject()) : Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** Bytes of the regular files under {@code dir}, following symlinks, each target once. */
    static long sizeOnDisk(Path dir) {
        Set<Path> seen = new HashSet<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p) && seen.add(p.toRealPath())) {
                    total += Files.size(p);
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            return total;
        }
        return total;
    }

    private static List<String> listNames(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
