package dev.samplinglab.engine.generate;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.hub.CacheScanner;
import dev.samplinglab.engine.hub.CachedSnapshot;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.RepoId;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A Hugging Face repository id ({@code HuggingFaceTB/SmolLM2-135M}, optionally {@code @REVISION})
 * opened from the local hub cache, never from the network: {@code refs/{revision}} names the
 * snapshot folder the loader opens. A folder of the same relative path wins over the id.
 *
 * @param repo the repository
 * @param revision a branch, tag or commit ({@code main} by default)
 * @param environment where the cache is (the process environment in the app and the CLI)
 */
public record HubSpec(RepoId repo, String revision, Supplier<HubEnvironment> environment)
        implements ModelSpec {

    static final ModelSource SOURCE =
            new ModelSource() {
                @Override
                public Optional<ModelSpec> parse(String text) {
                    return HubSpec.parse(text, HubEnvironment::system);
                }

                @Override
                public String usage() {
                    return "a Hugging Face repository id in the local cache (ORG/NAME[@REVISION])";
                }
            };

    /** The spec for {@code text} when it is a repository id and not an existing folder. */
    public static Optional<ModelSpec> parse(String text, Supplier<HubEnvironment> environment) {
        int at = text.lastIndexOf('@');
        String id = at < 0 ? text : text.substring(0, at);
        String revision = at < 0 ? "main" : text.substring(at + 1);
        if (!id.contains("/") || !RepoId.isValid(id) || revision.isBlank() || isFolder(text)) {
            return Optional.empty();
        }
        return Optional.of(new HubSpec(new RepoId(id), revision, environment));
    }

    private static boolean isFolder(String text) {
        try {
            return Files.isDirectory(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    @Override
    public String text() {
        return revision.equals("main") ? repo.id() : "%s@%s".formatted(repo, revision);
    }

    /** The snapshot folder in the cache; bad input when it is missing or does not open. */
    public Path resolve() {
        HubEnvironment env = environment.get();
        CachedSnapshot s =
                new CacheScanner(env.cache(), LanguageModel::supportedModelTypes)
                        .resolve(repo, revision)
                        .orElseThrow(
                                () ->
                                        new BadInputException(
                                                "%s is not a folder, nor a model in the Hugging Face cache (%s); get it with `download %s` or the app's Get a model…"
                                                        .formatted(
                                                                text(),
                                                                env.cacheDir(),
                                                                text().replace('@', ' ')
                                                                        .replaceFirst(
                                                                                " ",
                                                                                " --revision "))));
        if (!s.opens()) {
            throw new BadInputException(
                    "%s (%s) does not open: %s"
                            .formatted(text(), s.dir(), s.facts().problem().orElseThrow()));
        }
        return s.dir();
    }

    private String downloadArgs() {
        return revision.equals("main") ? repo.id() : "%s --revision %s".formatted(repo, revision);
    }

    @Override
    public LanguageModel open() {
        return LanguageModel.openFolder(resolve()).named(text());
    }
}
