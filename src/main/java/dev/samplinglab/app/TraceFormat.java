package dev.samplinglab.app;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;

/** Interim JSON of a trace until the engine's TraceJson lands: NaN and infinities as null. */
final class TraceFormat {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private TraceFormat() {}

    static String toJson(StepTrace t) {
        JsonObject o = new JsonObject();
        JsonArray ids = new JsonArray();
        for (int id : t.displayIds()) {
            ids.add(id);
        }
        o.add("display_ids", ids);
        o.add("raw", stage(t.raw()));
        JsonArray stages = new JsonArray();
        t.stages().forEach(s -> stages.add(stage(s)));
        o.add("stages", stages);
        o.add("final", stage(t.finalDist()));
        o.addProperty("greedy", t.greedy());
        o.add("coin", num(t.coin()));
        o.addProperty("chosen_id", t.chosenId());
        o.addProperty("chosen_piece", t.chosenPiece());
        o.add("chosen_prob", num(t.chosenProb()));
        o.add("chosen_raw_prob", num(t.chosenRawProb()));
        o.add("entropy_raw_bits", num(t.entropyRawBits()));
        o.add("entropy_final_bits", num(t.entropyFinalBits()));
        o.add("surprisal_bits", num(t.surprisalBits()));
        return GSON.toJson(o);
    }

    private static JsonObject stage(StageTrace s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name());
        o.add("params", GSON.toJsonTree(s.params()));
        o.addProperty("kept_count", s.keptCount());
        o.add("kept_mass", num(s.keptMass()));
        o.add("rest_mass", num(s.restMass()));
        o.addProperty("crossing_id", s.crossingId());
        JsonArray cands = new JsonArray();
        for (Candidate c : s.candidates()) {
            JsonObject co = new JsonObject();
            co.addProperty("id", c.id());
            co.addProperty("piece", c.piece());
            co.add("logit", num(c.logit()));
            co.add("prob", num(c.prob()));
            co.addProperty("kept", c.kept());
            co.addProperty("rank", c.rank());
            co.add("cumulative", num(c.cumulative()));
            cands.add(co);
        }
        o.add("candidates", cands);
        return o;
    }

    private static JsonElement num(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }
}
