package dev.samplinglab.engine.lesson;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.model.ConfigJson;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link SamplingSettings} as a JSON object with every field written out (no defaults), read
 * strictly: each key present, of its type, and the whole checked by the settings' own constructor.
 */
final class StrategyJson {
    private StrategyJson() {}

    static JsonObject write(SamplingSettings s) {
        JsonObject o = new JsonObject();
        o.addProperty("greedy", s.greedy());
        o.addProperty("temperature", s.temperature());
        o.addProperty("top_k", s.topK());
        o.addProperty("top_p", s.topP());
        o.addProperty("top_p_rule", s.topPRule().cliName());
        o.addProperty("min_p", s.minP());
        o.addProperty("typical_p", s.typicalP());
        o.addProperty("repetition_penalty", s.repetitionPenalty());
        o.addProperty("frequency_penalty", s.frequencyPenalty());
        o.addProperty("presence_penalty", s.presencePenalty());
        o.addProperty("penalty_window", s.penaltyWindow());
        JsonArray order = new JsonArray();
        s.order().forEach(k -> order.add(k.traceName()));
        o.add("order", order);
        return o;
    }

    /** The settings of {@code o}; every problem names the object and the key. */
    static SamplingSettings read(ConfigJson o) {
        double big = Double.MAX_VALUE;
        try {
            return new SamplingSettings(
                    requiredBoolean(o, "greedy"),
                    o.requiredDouble("temperature", 0, big),
                    o.requiredInt("top_k", 0, Integer.MAX_VALUE),
                    o.requiredDouble("top_p", 0, 1),
                    rule(o),
                    o.requiredDouble("min_p", 0, 1),
                    o.requiredDouble("typical_p", 0, 1),
                    o.requiredDouble("repetition_penalty", 0, big),
                    o.requiredDouble("frequency_penalty", -big, big),
                    o.requiredDouble("presence_penalty", -big, big),
                    o.requiredInt("penalty_window", 0, Integer.MAX_VALUE),
                    order(o));
        } catch (BadInputException e) {
            throw e.getMessage().startsWith(o.file())
                    ? e
                    : new BadInputException("%s: %s".formatted(o.file(), e.getMessage()), e);
        }
    }

    private static boolean requiredBoolean(ConfigJson o, String key) {
        if (!o.has(key)) {
            throw o.error(key, "is missing; expected true or false");
        }
        return o.optionalBoolean(key, false);
    }

    private static TopPRule rule(ConfigJson o) {
        String name = o.requiredString("top_p_rule");
        return Arrays.stream(TopPRule.values())
                .filter(r -> r.cliName().equals(name))
                .findFirst()
                .orElseThrow(() -> o.error("top_p_rule", "must be inclusive or cumsum-le-p"));
    }

    private static List<StageKind> order(ConfigJson o) {
        if (!o.has("order")) {
            throw o.error("order", "is missing; expected a list of stage names");
        }
        List<StageKind> order = new ArrayList<>();
        for (String name : o.optionalStrings("order")) {
            order.add(
                    Arrays.stream(StageKind.values())
                            .filter(k -> k.traceName().equals(name))
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            o.error(
                                                    "order",
                                                    "names an unknown stage '%s'"
                                                            .formatted(name))));
        }
        return order;
    }
}
