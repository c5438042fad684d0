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
 * The step history as JSON: the export's metadata (model, prompt, seed, step count, date), the
 * current strategy and, per step (numbered from 1 as in the window), the strategy it was drawn
 * with, the pick and the full trace in the trace format. No number is written as -0.0.
 */
public final class HistoryJson {
    private final Function<StepTrace, JsonElement> traceJson;

    /**
     * @param traceJson serializes one trace (the engine's trace format)
     */
    public HistoryJson(Function<StepTrace, JsonElement> traceJson) {
        this.traceJson = traceJson;
    }

    /**
     * @param meta model, prompt, seed, step count and date
     * @param strategy the current strategy (for the next step)
     * @param history the steps
     * @param strategyOf the strategy a step was drawn with, in words
     */
    public String format(
            ExportMeta meta,
            SamplingSettings strategy,
            List<StepResult> history,
            Function<StepResult, String> strategyOf) {
        JsonObject root = new JsonObject();
        root.addProperty("format", "sampling-lab-history/2");
        meta.addTo(root);
        root.add("strategy", new GsonBuilder().create().toJsonTree(strategy));
        JsonArray steps = new JsonArray();
        for (StepResult step : history) {
            JsonObject s = new JsonObject();
            s.addProperty("step", step.index() + 1);
            s.addProperty("strategy", strategyOf.apply(step));
            s.addProperty("token_id", step.tokenId());
            s.addProperty("piece", step.piece());
            s.addProperty("forced", step.forced());
            s.addProperty("millis", step.millis());
            s.addProperty("cache_length", step.cacheLength());
            s.add("trace", traceJson.apply(step.trace()));
            steps.add(s);
        }
        root.add("steps", steps);
        ExportNumbers.clean(root);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)
                + "\n";
    }
}
