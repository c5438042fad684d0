package dev.samplinglab.engine.sampling;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * JSON forms of a {@link StepTrace}: the full trace as one object (one line per step in {@code
 * --trace FILE.jsonl} and the app's JSON export) and the compact {@code pipeline --json} summary.
 * Non-finite numbers (a masked logit, the surprisal of a forced token of probability 0) are written
 * as {@code null}, since JSON has no infinities; a negative zero is written as 0.0.
 */
public final class TraceJson {
    private static final Gson COMPACT =
            new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private TraceJson() {}

    /**
     * The whole trace: coin, pick, information measures and every stage ("raw", the active stages
     * in chain order, "final") with its display candidates. Full arrays are not written.
     */
    public static JsonObject toJson(StepTrace t) {
        JsonObject o = new JsonObject();
        o.add("display_ids", ints(t.displayIds()));
        o.addProperty("greedy", t.greedy());
        o.add("coin", number(t.coin()));
        o.addProperty("chosen_id", t.chosenId());
        o.addProperty("chosen_piece", t.chosenPiece());
        o.add("chosen_prob", number(t.chosenProb()));
        o.add("chosen_raw_prob", number(t.chosenRawProb()));
        o.add("chosen_tempered_prob", number(t.chosenTemperedProb()));
        o.addProperty("forced", t.forced());
        o.add("entropy_raw_bits", number(t.entropyRawBits()));
        o.add("entropy_tempered_bits", number(t.entropyTemperedBits()));
        o.add("entropy_final_bits", number(t.entropyFinalBits()));
        o.add("surprisal_bits", number(t.surprisalBits()));
        JsonArray stages = new JsonArray();
        stages.add(stage(t.raw()));
        t.stages().forEach(s -> stages.add(stage(s)));
        stages.add(stage(t.finalDist()));
        o.add("stages", stages);
        if (t.truncation() != null) {
            o.add("truncation", truncation(t.truncation()));
        }
        return o;
    }

    /** {@code {"sent": N, "rest_mass": r, "caveats": {"top_p": "..."}, "context": "..."}}. */
    private static JsonObject truncation(Truncation t) {
        JsonObject o = new JsonObject();
        o.addProperty("sent", t.sent());
        o.add("rest_mass", number(t.restMass()));
        JsonObject caveats = new JsonObject();
        t.caveats().forEach(c -> caveats.addProperty(c.stage(), c.note()));
        o.add("caveats", caveats);
        t.contextCaveat().ifPresent(c -> o.addProperty("context", c));
        return o;
    }

    /** {@link #toJson} on one line, for JSON Lines files. */
    public static String toLine(StepTrace t) {
        return COMPACT.toJson(toJson(t));
    }

    /**
     * The {@code pipeline --json} object: {@code {"stages":[{"name", "probs", "kept"}...],
     * "final_probs", "kept", "chosen"}}. Every {@code probs} array is full length (0 for dropped
     * ids) and {@code kept} lists kept ids in descending probability, ties by id. The trace must
     * have been recorded with every token displayed (topN >= vocabulary size).
     */
    public static JsonObject pipelineSummary(StepTrace t) {
        int shown = t.raw().candidates().size();
        int vocab = t.full() == null ? shown : t.full().rawLogits().length;
        if (shown < vocab) {
            throw new IllegalArgumentException(
                    "pipeline summary needs every token displayed (topN >= " + vocab + ")");
        }
        JsonObject o = new JsonObject();
        JsonArray stages = new JsonArray();
        for (StageTrace s : t.stages()) {
            JsonObject stage = new JsonObject();
            stage.addProperty("name", s.name());
            stage.add("probs", fullProbs(s, vocab));
            stage.add("kept", keptIds(s));
            stages.add(stage);
        }
        o.add("stages", stages);
        o.add("final_probs", fullProbs(t.finalDist(), vocab));
        o.add("kept", keptIds(t.finalDist()));
        o.addProperty("chosen", t.chosenId());
        return o;
    }

    /** Serializes any JSON tree on one line. */
    public static String compact(JsonElement json) {
        return COMPACT.toJson(json);
    }

    private static JsonObject stage(StageTrace s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.name());
        JsonObject params = new JsonObject();
        for (Map.Entry<String, Object> e : s.params().entrySet()) {
            params.add(e.getKey(), value(e.getValue()));
        }
        o.add("params", params);
        o.addProperty("kept_count", s.keptCount());
        o.add("kept_mass", number(s.keptMass()));
        o.add("rest_mass", number(s.restMass()));
        if (s.crossingId() >= 0) {
            o.addProperty("crossing_id", s.crossingId());
        }
        JsonArray candidates = new JsonArray();
        for (Candidate c : s.candidates()) {
            candidates.add(candidate(c));
        }
        o.add("candidates", candidates);
        return o;
    }

    private static JsonObject candidate(Candidate c) {
        JsonObject o = new JsonObject();
        o.addProperty("id", c.id());
        o.addProperty("piece", c.piece());
        o.add("logit", number(c.logit()));
        o.add("prob", number(c.prob()));
        o.addProperty("kept", c.kept());
        o.addProperty("rank", c.rank());
        if (!Double.isNaN(c.cumulative())) {
            o.add("cumulative", number(c.cumulative()));
        }
        return o;
    }

    private static JsonArray fullProbs(StageTrace s, int vocab) {
        double[] probs = new double[vocab];
        for (Candidate c : s.candidates()) {
            probs[c.id()] = c.prob();
        }
        JsonArray a = new JsonArray();
        for (double p : probs) {
            a.add(number(p));
        }
        return a;
    }

    private static JsonArray keptIds(StageTrace s) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : s.candidates()) {
            if (c.kept()) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::rank));
        JsonArray a = new JsonArray();
        kept.forEach(c -> a.add(c.id()));
        return a;
    }

    private static JsonArray ints(int[] values) {
        JsonArray a = new JsonArray();
        for (int v : values) {
            a.add(v);
        }
        return a;
    }

    private static JsonElement value(Object v) {
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        return new JsonPrimitive(String.valueOf(v));
    }

    private static JsonElement number(Number n) {
        double d = n.doubleValue();
        if (d == 0 && Double.doubleToRawLongBits(d) != 0) {
            return new JsonPrimitive(0.0); // never "-0.0"
        }
        return Double.isFinite(d) ? new JsonPrimitive(n) : JsonNull.INSTANCE;
    }
}
