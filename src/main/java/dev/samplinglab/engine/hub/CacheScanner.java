package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists the model snapshots in a Hugging Face hub cache ({@link HubCache}): every {@code models--*}
 * folder's snapshots with their refs and facts. Reads only; never touches the network.
 */
public final class CacheScanner {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");

    private final HubCache cache;
    private final SnapshotInspector inspector;

    public CacheScanner(HubCache cache, ModelSupport support) {
        this.cache = cache;
        this.inspector = new SnapshotInspector(support);
    }

    /** All model snapshots, by repository id, the ref {@code main} first. */
    public List<CachedSnapshot> scan() {
        List<CachedSnapshot> out = new ArrayList<>();
        for (Path repoDir : children(cache.root())) {
            RepoId.fromFolderName(repoDir.getFileName().toString())
                    .filter(r -> Files.isDirectory(repoDir))
                    .ifPresent(r -> out.addAll(scanRepo(r)));
        }
        out.sort(
                Comparator.comparing((CachedSnapshot s) -> s.repo().id().toLowerCase())
                        .thenComparing(s -> !s.refs().contains("main"))
                        .thenComparing(CachedSnapshot::commit));
        return out;
    }

    /** The snapshots of one repository. */
    public List<CachedSnapshot> scanRepo(RepoId repo) {
        Map<String, List<String>> refsByCommit = refs(repo);
        List<CachedSnapshot> out = new ArrayList<>();
        for (Path dir : children(cache.snapshotsDir(repo))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            String commit = dir.getFileName().toString();
            out.add(
                    new CachedSnapshot(
                            repo,
                            commit,
                            refsByCommit.getOrDefault(commit, List.of()),
                            dir,
                            inspector.inspect(dir),
                            names(cache.noExist(repo, commit))));
        }
        return out;
    }

    /**
     * The snapshot a revision names: {@code refs/{revision}}'s commit, or the revision itself when
     * it is a commit hash. Without {@code refs/main}, a lone snapshot stands for main (a cache
     * filled by commit hash).
     */
    public Optional<CachedSnapshot> resolve(RepoId repo, String revision) {
        List<CachedSnapshot> snapshots = scanRepo(repo);
        String commit = readRef(cache.ref(repo, revision)).orElse(revision);
        Optional<CachedSnapshot> exact =
                snapshots.stream().filter(s -> s.commit().equals(commit)).findFirst();
        if (exact.isPresent() || !revision.equals("main")) {
            return exact;
        }
        return snapshots.size() == 1 && snapshots.get(0).refs().isEmpty()
                ? Optional.of(snapshots.get(0))
                : Optional.empty();
    }

    private Map<String, List<String>> refs(RepoId repo) {
        Path refsDir = cache.refsDir(repo);
        Map<String, List<String>> byCommit = new HashMap<>();
        if (!Files.isDirectory(refsDir)) {
            return byCommit;
        }
        try (Stream<Path> walk = Files.walk(refsDir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = refsDir.relativize(f).toString().replace('\\', '/');
                readRef(f)
                        .ifPresent(
                                c -> byCommit.computeIfAbsent(c, k -> new ArrayList<>()).add(name));
            }
        } catch (IOException | UncheckedIOException e) {
            return byCommit;
        }
        byCommit.values()
                .forEach(
                        l ->
                                l.sort(
                                        Comparator.comparing((String n) -> !n.equals("main"))
                                                .thenComparing(n -> n)));
        return byCommit;
    }

    static Optional<String> readRef(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1000) {
                return Optional.empty();
            }
            String commit = Files.readString(file, StandardCharsets.UTF_8).strip();
            return COMMIT.matcher(commit).matches() ? Optional.of(commit) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
