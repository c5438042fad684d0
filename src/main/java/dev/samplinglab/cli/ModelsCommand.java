package dev.samplinglab.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.hub.CacheScanner;
import dev.samplinglab.engine.hub.CachedSnapshot;
import dev.samplinglab.engine.hub.HubEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code models}: what is in the Hugging Face cache and whether this app opens it. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "List the models in the Hugging Face cache and whether the app opens them.")
public final class ModelsCommand implements Callable<Integer> {

    @Option(names = "--cache-dir", description = "cache folder (default: the Hugging Face cache)")
    Path cacheDir;

    @Option(names = "--json", description = "print one JSON array")
    boolean json;

    @Override
    public Integer call() {
        HubEnvironment env = HubEnvironment.system();
        if (cacheDir != null) {
            env = env.withCacheDir(cacheDir);
        }
        List<CachedSnapshot> all =
                new CacheScanner(env.cache(), LanguageModel::supportedModelTypes).scan();
        System.out.println(json ? toJson(all) : table(all, env.cacheDir()));
        return 0;
    }

    static String table(List<CachedSnapshot> all, Path cache) {
        if (all.isEmpty()) {
            return "no models in %s; get one with: download HuggingFaceTB/SmolLM2-135M"
                    .formatted(cache);
        }
        StringBuilder sb = new StringBuilder("models in %s:%n".formatted(cache));
        int width = all.stream().mapToInt(s -> s.label().length()).max().orElse(0);
        for (CachedSnapshot s : all) {
            String status =
                    s.opens() ? "opens" : "does not open: " + s.facts().problem().orElseThrow();
            sb.append(
                    ("  %-" + width + "s  %s  %s%n")
                            .formatted(s.label(), s.facts().summary(), status));
        }
        return sb.toString().stripTrailing();
    }

    static String toJson(List<CachedSnapshot> all) {
        JsonArray arr = new JsonArray();
        for (CachedSnapshot s : all) {
            JsonObject o = new JsonObject();
            o.addProperty("repo", s.repo().id());
            o.addProperty("label", s.label());
            o.addProperty("commit", s.commit());
            JsonArray refs = new JsonArray();
            s.refs().forEach(refs::add);
            o.add("refs", refs);
            o.addProperty("path", s.dir().toString());
            o.addProperty("family", s.facts().family());
            o.addProperty("parameters", s.facts().parameterCount());
            o.addProperty("dtype", s.facts().dtype());
            o.addProperty("size_bytes", s.facts().sizeOnDisk());
            o.addProperty("opens", s.opens());
            s.facts().problem().ifPresent(p -> o.addProperty("problem", p));
            arr.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(arr);
    }
}
