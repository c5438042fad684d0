package dev.samplinglab.engine.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.io.AtomicFiles;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.SafetensorsFile;
import dev.samplinglab.engine.model.SafetensorsWriter;
import dev.samplinglab.engine.model.WeightLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A resumable training state in one folder: the model (config.json, model.safetensors,
 * tokenizer.json), the AdamW moments (optimizer.safetensors) and state.json (next step, Adam's
 * update counter, hyperparameters, elapsed seconds). Batches and dropout are pure functions of
 * (seed, step), so the step is the whole random-number state. The folder is written next to the
 * target and swapped in, so a crash leaves the previous checkpoint intact.
 *
 * @param step the next 0-based step to run
 * @param adamUpdates updates applied so far
 * @param config hyperparameters of the run
 * @param elapsedSeconds training time spent before this checkpoint
 * @param curve validation estimates logged so far
 */
public record Checkpoint(
        int step, int adamUpdates, TrainConfig config, double elapsedSeconds, List<String> curve) {

    public Checkpoint {
        curve = List.copyOf(curve);
    }

    static final String STATE = "state.json";
    static final String OPTIMIZER = "optimizer.safetensors";

    /** Writes the checkpoint folder {@code dir} atomically. */
    public void save(Path dir, GptModel model, AdamW optimizer, Path tokenizerJson)
            throws IOException {
        Path staged = dir.resolveSibling(dir.getFileName() + ".tmp");
        AtomicFiles.deleteRecursively(staged);
        Files.createDirectories(staged);
        ModelFiles.writeModel(staged, model, tokenizerJson);
        SafetensorsWriter moments = new SafetensorsWriter(DType.F32);
        var params = model.weights().parameters();
        for (int i = 0; i < params.size(); i++) {
            long[] shape = params.get(i).getShape().getShape();
            float[][] mv = optimizer.moments(i);
            moments.add("m." + i, shape, mv[0]);
            moments.add("v." + i, shape, mv[1]);
        }
        moments.write(staged.resolve(OPTIMIZER));
        JsonObject state = new JsonObject();
        state.addProperty("step", step);
        state.addProperty("adam_updates", adamUpdates);
        state.addProperty("elapsed_seconds", elapsedSeconds);
        state.add("config", config.toJson());
        state.add("curve", new com.google.gson.Gson().toJsonTree(curve));
        Files.writeString(
                staged.resolve(STATE),
                new GsonBuilder().setPrettyPrinting().create().toJson(state),
                StandardCharsets.UTF_8);
        AtomicFiles.replaceFolder(staged, dir);
    }

    /** Reads state.json of a checkpoint folder (falls back to a swap left half-done). */
    public static Checkpoint read(Path dir) {
        Path folder = locate(dir);
        try {
            JsonObject o =
                    JsonParser.parseString(
                                    Files.readString(folder.resolve(STATE), StandardCharsets.UTF_8))
                            .getAsJsonObject();
            return new Checkpoint(
                    o.get("step").getAsInt(),
                    o.get("adam_updates").getAsInt(),
                    TrainConfig.fromJson(o.getAsJsonObject("config")),
                    o.get("elapsed_seconds").getAsDouble(),
                    o.has("curve")
                            ? o.getAsJsonArray("curve").asList().stream()
                                    .map(e -> e.getAsString())
                                    .toList()
                            : List.of());
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(
                    "cannot read the checkpoint in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The folder holding a complete checkpoint: {@code dir}, or {@code dir.old} after a crash. */
    public static Path locate(Path dir) {
        if (Files.isRegularFile(dir.resolve(STATE))) {
            return dir;
        }
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        if (Files.isRegularFile(old.resolve(STATE))) {
            return old;
        }
        throw new BadInputException(
                "no checkpoint to resume in " + dir + " (state.json is missing)");
    }

    /** Loads the AdamW moments of this checkpoint into {@code optimizer}. */
    public void restoreOptimizer(Path dir, AdamW optimizer, int parameterCount) {
        try (SafetensorsFile f = SafetensorsFile.open(locate(dir).resolve(OPTIMIZER))) {
            List<float[]> m = new ArrayList<>();
            List<float[]> v = new ArrayList<>();
            for (int i = 0; i < parameterCount; i++) {
                m.add(f.readFloats("m." + i));
                v.add(f.readFloats("v." + i));
            }
            optimizer.restore(m, v, adamUpdates);
        }
    }

    /** Convenience for {@link WeightLoader}-compatible model loading from the checkpoint. */
    public static GptModel loadModel(Path dir) {
        return GptModel.load(locate(dir));
    }
}
