package dev.samplinglab.app.hub;

import dev.samplinglab.app.step.ModelChoice;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.hub.CacheScanner;
import dev.samplinglab.engine.hub.CachedSnapshot;
import dev.samplinglab.engine.hub.HubEnvironment;
import java.util.List;

/** The picker entries for the models in the Hugging Face cache (slow: run off the FX thread). */
public final class CachedModels {
    private CachedModels() {}

    /** Scans {@code env}'s cache; the loader says which families open. */
    public static List<ModelChoice> scan(HubEnvironment env) {
        return new CacheScanner(env.cache(), LanguageModel::supportedModelTypes)
                .scan().stream().map(CachedModels::choice).toList();
    }

    static ModelChoice choice(CachedSnapshot s) {
        String detail = s.opens() ? s.facts().summary() : s.facts().problem().orElseThrow();
        return ModelChoice.cached(s.label(), spec(s), detail, s.opens());
    }

    /** What the opener gets for a cached snapshot: its repository id, resolved from the cache. */
    static String spec(CachedSnapshot s) {
        return s.spec();
    }
}
