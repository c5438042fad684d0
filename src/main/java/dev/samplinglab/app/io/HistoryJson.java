package dev.samplinglab.app.io;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import java.util.function.Function;

/**
 * The step history as JSON: the session (model, prompt, seed, strategy) and, per step, the pick and
 * the full trace in the trace format.
 */
public final class HistoryJson {
    private final Function<StepTrace, JsonElement> traceJson;

    /**
     * @param traceJson serializes one trace (the engine's trace format)
     */
    public HistoryJson(Function<StepTrace, JsonElement> traceJson) {
        this.traceJson = traceJson;
    }

    public String format(
            String model,
            String prompt,
            long seed,
            SamplingSettings strategy,
            List<StepResult> history) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "sampling-lab-history/1");
        root.addProperty("model", model);
        root.addProperty("prompt", prompt);
        root.addProperty("seed", seed);
        root.add("strategy", new GsonBuilder().create().toJsonTree(strategy));
        JsonArray steps = new JsonArray();
        for (StepResult step : history) {
            JsonObject s = new JsonObject();
            s.addProperty("index", step.index());
            s.addProperty("token_id", step.tokenId());
            s.addProperty("piece", step.piece());
            s.addProperty("forced", step.forced());
            s.addProperty("millis", step.millis());
            s.addProperty("cache_length", step.cacheLength());
            s.add("trace", traceJson.apply(step.trace()));
            steps.add(s);
        }
        root.add("steps", steps);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)
                + "\n";
    }
}
