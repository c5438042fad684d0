package dev.samplinglab.engine.generate.beam;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * JSON of a beam search: one object per step ({@code generate --num-beams N --trace FILE} writes
 * one per line) with every running beam's parent, token, token log-prob and cumulative score, every
 * candidate's fate (kept, pruned, finished, finished_dropped, eos_skipped) and the finished list
 * with raw and length-penalised scores; and the settings and result. Non-finite numbers (a banned
 * token's -inf) are written as null.
 */
public final class BeamTraceJson {
    private BeamTraceJson() {}

    /** One step; {@code piece} renders a token id, {@code text} a token sequence. */
    public static JsonObject step(
            BeamStep s, IntFunction<String> piece, Function<int[], String> text) {
        JsonObject o = new JsonObject();
        o.addProperty("step", s.step());
        o.add("beams", array(s.beams(), b -> beam(b, piece, text)));
        o.add("candidates", array(s.candidates(), c -> candidate(c, piece)));
        o.add("finished", array(s.finished(), h -> hypothesis(h, text)));
        o.addProperty("improvement_possible", s.improvable());
        o.addProperty("stop", s.stop().label());
        return o;
    }

    /** The settings, why the search ended and the returned hypotheses, best first. */
    public static JsonObject result(
            BeamSettings settings,
            BeamStop stop,
            int steps,
            List<Hypothesis> best,
            Function<int[], String> text) {
        JsonObject o = new JsonObject();
        JsonObject s = new JsonObject();
        s.addProperty("num_beams", settings.numBeams());
        s.addProperty("length_penalty", settings.lengthPenalty());
        s.addProperty("early_stopping", settings.earlyStopping().label());
        s.addProperty("num_return_sequences", settings.numReturnSequences());
        s.addProperty("no_repeat_ngram_size", settings.noRepeatNgramSize());
        s.addProperty("max_new_tokens", settings.maxNewTokens());
        o.add("settings", s);
        o.addProperty("stop", stop.label());
        o.addProperty("steps", steps);
        o.add("sequences", array(best, h -> hypothesis(h, text)));
        return o;
    }

    private static JsonObject beam(
            Beam b, IntFunction<String> piece, Function<int[], String> text) {
        JsonObject o = new JsonObject();
        o.addProperty("slot", b.slot());
        o.addProperty("parent", b.parent());
        o.addProperty("token", b.token());
        o.addProperty("piece", piece.apply(b.token()));
        o.add("token_logprob", number(b.tokenLogProb()));
        o.add("score", number(b.score()));
        o.addProperty("text", text.apply(b.tokens()));
        return o;
    }

    private static JsonObject candidate(BeamCandidate c, IntFunction<String> piece) {
        JsonObject o = new JsonObject();
        o.addProperty("rank", c.rank());
        o.addProperty("parent", c.parent());
        o.addProperty("token", c.token());
        o.addProperty("piece", piece.apply(c.token()));
        o.add("token_logprob", number(c.tokenLogProb()));
        o.add("score", number(c.score()));
        o.addProperty("fate", c.fate().label());
        if (c.slot() >= 0) {
            o.addProperty("slot", c.slot());
        }
        if (!Double.isNaN(c.finishedScore())) {
            o.add("finished_score", number(c.finishedScore()));
        }
        return o;
    }

    private static JsonObject hypothesis(Hypothesis h, Function<int[], String> text) {
        JsonObject o = new JsonObject();
        o.addProperty("text", text.apply(h.tokens()));
        JsonArray ids = new JsonArray();
        for (int t : h.tokens()) {
            ids.add(t);
        }
        o.add("tokens", ids);
        o.add("sum_logprobs", number(h.sumLogProbs()));
        o.add("score", number(h.score()));
        o.addProperty("length", h.length());
        o.addProperty("step", h.step());
        o.addProperty("eos", h.eos());
        return o;
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonElement> f) {
        JsonArray a = new JsonArray();
        items.forEach(i -> a.add(f.apply(i)));
        return a;
    }

    private static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }
}
