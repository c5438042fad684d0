package dev.samplinglab.engine.hub;

import java.nio.file.Path;
import java.util.List;

/**
 * One snapshot (one commit of one repository) found in the hub cache.
 *
 * @param repo the repository
 * @param commit the snapshot's commit hash (its folder name)
 * @param refs the revisions pointing at it (e.g. {@code main}); empty when none does
 * @param dir the snapshot folder, which the loader opens
 * @param facts family, size and whether it opens
 * @param knownMissing files recorded in {@code .no_exist} for this commit
 */
public record CachedSnapshot(
        RepoId repo,
        String commit,
        List<String> refs,
        Path dir,
        ModelFacts facts,
        List<String> knownMissing) {

    /** "HuggingFaceTB/SmolLM2-135M" or "HuggingFaceTB/SmolLM2-135M@v1" or "...@1a2b3c4". */
    public String label() {
        if (refs.contains("main")) {
            return repo.id();
        }
        return "%s@%s"
                .formatted(
                        repo.id(),
                        refs.isEmpty()
                                ? commit.substring(0, Math.min(7, commit.length()))
                                : refs.get(0));
    }

    /**
     * The model spec that opens this snapshot from the cache: the repository id for {@code main},
     * else {@code id@ref}, else {@code id@commit}.
     */
    public String spec() {
        if (refs.contains("main")) {
            return repo.id();
        }
        return "%s@%s".formatted(repo.id(), refs.isEmpty() ? commit : refs.get(0));
    }

    public boolean opens() {
        return facts.opens();
    }
}
