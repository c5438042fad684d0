package dev.samplinglab.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.model.DType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Discovery over a cache laid out by hand the way {@code huggingface_hub} writes it: relative
 * symlinks into blobs, the no-symlink variant (plain files, as on Windows), two revisions, {@code
 * .no_exist}, and folders that are not models.
 */
class CacheScannerTest {
    private static final String A = "a".repeat(40);
    private static final String B = "b".repeat(40);
    private static final String C = "c".repeat(40);
    private static final String D = "d".repeat(40);
    private static final String E = "e".repeat(40);

    @TempDir Path root;

    @BeforeEach
    void fixture() throws IOException {
        // GPT-2 with symlinks: main at A; refs/pr/1 at B holds only pickle weights.
        Path gpt2 = root.resolve("models--openai-community--gpt2");
        linked(
                gpt2,
                A,
                Map.of(
                        "config.json", HubFixtures.config("gpt2"),
                        "tokenizer.json", HubFixtures.text("{}"),
                        "model.safetensors", HubFixtures.safetensors(1000, DType.F32)));
        linked(
                gpt2,
                B,
                Map.of(
                        "config.json", HubFixtures.config("gpt2"),
                        "tokenizer.json", HubFixtures.text("{}"),
                        "pytorch_model.bin", HubFixtures.text("pickle")));
        ref(gpt2, "main", A);
        ref(gpt2, "refs/pr/1", B);
        Files.createDirectories(gpt2.resolve(".no_exist").resolve(A));
        Files.createFile(gpt2.resolve(".no_exist").resolve(A).resolve("generation_config.json"));
        // SmolLM2 without symlinks (plain files), BF16.
        Path smol = root.resolve("models--HuggingFaceTB--SmolLM2-135M");
        plain(
                smol,
                C,
                Map.of(
                        "config.json", HubFixtures.config("llama"),
                        "tokenizer.json", HubFixtures.text("{}"),
                        "model.safetensors", HubFixtures.safetensors(600, DType.BF16)));
        ref(smol, "main", C);
        // T5: an encoder-decoder.
        Path t5 = root.resolve("models--google-t5--t5-small");
        plain(
                t5,
                D,
                Map.of(
                        "config.json", HubFixtures.config("t5"),
                        "tokenizer.json", HubFixtures.text("{}"),
                        "model.safetensors", HubFixtures.safetensors(10, DType.F32)));
        ref(t5, "main", D);
        // A sharded checkpoint missing its second shard, no ref (downloaded by commit).
        Map<String, byte[]> sharded = new java.util.HashMap<>(HubFixtures.shardedRepo());
        sharded.remove("model-00002-of-00002.safetensors");
        linked(root.resolve("models--org--sharded"), E, sharded);
        // Not models.
        Files.createDirectories(
                root.resolve("datasets--org--data").resolve("snapshots").resolve(A));
        Files.createDirectories(root.resolve(".locks").resolve("models--openai-community--gpt2"));
        Files.writeString(root.resolve("version.txt"), "1");
    }

    private static List<CachedSnapshot> scan(Path root, Set<String> types) {
        return new CacheScanner(new HubCache(root), () -> types).scan();
    }

    private static CachedSnapshot find(List<CachedSnapshot> all, String repo, String commit) {
        return all.stream()
                .filter(s -> s.repo().id().equals(repo) && s.commit().equals(commit))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void findsEverySnapshotOfEveryModelRepository() {
        List<CachedSnapshot> all = scan(root, Set.of("gpt2"));

        assertThat(all)
                .extracting(CachedSnapshot::label)
                .containsExactly(
                        "google-t5/t5-small",
                        "HuggingFaceTB/SmolLM2-135M",
                        "openai-community/gpt2",
                        "openai-community/gpt2@refs/pr/1",
                        "org/sharded@eeeeeee");
    }

    @Test
    void symlinkedSnapshotReportsItsFacts() {
        CachedSnapshot s = find(scan(root, Set.of("gpt2")), "openai-community/gpt2", A);

        assertThat(s.refs()).containsExactly("main");
        assertThat(s.dir())
                .isEqualTo(root.resolve("models--openai-community--gpt2/snapshots/" + A));
        assertThat(s.facts().family()).isEqualTo("gpt2");
        assertThat(s.facts().parameterCount()).isEqualTo(1000);
        assertThat(s.facts().dtype()).isEqualTo("F32");
        assertThat(s.facts().sizeOnDisk()).isGreaterThan(4000);
        assertThat(s.facts().problem()).isEmpty();
        assertThat(s.knownMissing()).containsExactly("generation_config.json");
    }

    @Test
    void eachBlobCountsOnceInTheSizeOnDisk() throws IOException {
        CachedSnapshot s = find(scan(root, Set.of("gpt2")), "openai-community/gpt2", A);
        long expected = 0;
        for (String f : List.of("config.json", "tokenizer.json", "model.safetensors")) {
            expected += Files.size(s.dir().resolve(f));
        }

        assertThat(s.facts().sizeOnDisk()).isEqualTo(expected);
    }

    @Test
    void theSecondRevisionHasOnlyPickleWeights() {
        CachedSnapshot s = find(scan(root, Set.of("gpt2")), "openai-community/gpt2", B);

        assertThat(s.refs()).containsExactly("refs/pr/1");
        assertThat(s.opens()).isFalse();
        assertThat(s.facts().problem())
                .hasValueSatisfying(
                        p -> assertThat(p).startsWith("only pytorch_model.bin (pickle"));
    }

    @Test
    void plainFilesWithoutSymlinksAreReadTheSame() {
        CachedSnapshot s =
                find(scan(root, Set.of("gpt2", "llama")), "HuggingFaceTB/SmolLM2-135M", C);

        assertThat(s.facts().family()).isEqualTo("llama");
        assertThat(s.facts().parameterCount()).isEqualTo(600);
        assertThat(s.facts().dtype()).isEqualTo("BF16");
        assertThat(s.opens()).isTrue();
    }

    @Test
    void aFamilyTheLoaderDoesNotRunIsGreyedWithTheReason() {
        List<CachedSnapshot> all = scan(root, Set.of("gpt2"));

        assertThat(find(all, "google-t5/t5-small", D).facts().problem())
                .hasValue("model_type t5 is not a decoder this app runs (it runs gpt2)");
        assertThat(find(all, "HuggingFaceTB/SmolLM2-135M", C).facts().problem())
                .hasValue("model_type llama is not a decoder this app runs (it runs gpt2)");
    }

    @Test
    void aMissingShardIsAnIncompleteDownload() {
        CachedSnapshot s = find(scan(root, Set.of("gpt2")), "org/sharded", E);

        assertThat(s.refs()).isEmpty();
        assertThat(s.facts().problem())
                .hasValue("model-00002-of-00002.safetensors is missing (download incomplete)");
    }

    @Test
    void resolveFollowsRefsAndCommits() {
        CacheScanner scanner = new CacheScanner(new HubCache(root), () -> Set.of("gpt2"));
        RepoId gpt2 = new RepoId("openai-community/gpt2");

        assertThat(scanner.resolve(gpt2, "main").map(CachedSnapshot::commit)).hasValue(A);
        assertThat(scanner.resolve(gpt2, "refs/pr/1").map(CachedSnapshot::commit)).hasValue(B);
        assertThat(scanner.resolve(gpt2, B).map(CachedSnapshot::commit)).hasValue(B);
        assertThat(scanner.resolve(gpt2, "v9")).isEmpty();
        assertThat(scanner.resolve(new RepoId("org/sharded"), "main").map(CachedSnapshot::commit))
                .hasValue(E);
        assertThat(scanner.resolve(new RepoId("nobody/nothing"), "main"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void aMissingCacheIsEmpty() {
        assertThat(scan(root.resolve("nowhere"), Set.of("gpt2"))).isEmpty();
    }

    /** Blobs named by hash, snapshot entries as relative symlinks, as on Linux and macOS. */
    private static void linked(Path repo, String commit, Map<String, byte[]> files)
            throws IOException {
        Path snap = repo.resolve("snapshots").resolve(commit);
        Files.createDirectories(snap);
        Files.createDirectories(repo.resolve("blobs"));
        for (var e : files.entrySet()) {
            String etag = FakeHub.hex(e.getValue(), "SHA-256");
            Path blob = repo.resolve("blobs").resolve(etag);
            Files.write(blob, e.getValue());
            Files.createSymbolicLink(
                    snap.resolve(e.getKey()), Path.of("../../blobs").resolve(etag));
        }
    }

    /** Snapshot entries as plain files, as on Windows without symlinks. */
    private static void plain(Path repo, String commit, Map<String, byte[]> files)
            throws IOException {
        Path snap = repo.resolve("snapshots").resolve(commit);
        Files.createDirectories(snap);
        Files.createDirectories(repo.resolve("blobs"));
        for (var e : files.entrySet()) {
            Files.write(snap.resolve(e.getKey()), e.getValue());
        }
    }

    private static void ref(Path repo, String name, String commit) throws IOException {
        Path ref = repo.resolve("refs").resolve(name);
        Files.createDirectories(ref.getParent());
        Files.writeString(ref, commit);
    }
}
