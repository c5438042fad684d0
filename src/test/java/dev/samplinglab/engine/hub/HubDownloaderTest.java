package dev.samplinglab.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.hub.HubException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The downloader against {@link FakeHub} on loopback; no test touches the real network. */
class HubDownloaderTest {
    private static final RepoId REPO = new RepoId("test-org/tiny-gpt2");
    private static final int FLOATS = 150_000; // 600 kB of weights: ten chunks

    @TempDir Path cacheDir;
    private FakeHub hub;
    private String commit;
    private final List<DownloadProgress> progress = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        commit = hub.add(REPO.id(), HubFixtures.gpt2Repo(FLOATS));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubEnvironment env(Map<String, String> extra) {
        Map<String, String> vars = new java.util.HashMap<>(extra);
        vars.put("HF_HUB_CACHE", cacheDir.toString());
        vars.put("HF_ENDPOINT", hub.endpoint());
        return HubEnvironment.of(vars, cacheDir.resolve("home"));
    }

    private HubDownloader downloader() {
        return new HubDownloader(env(Map.of())).retries(0);
    }

    private DownloadResult download(HubDownloader d) {
        return d.download(REPO, "main", progress::add, new CancelSignal());
    }

    private long weightsSize() {
        return HubFixtures.gpt2Repo(FLOATS).get("model.safetensors").length;
    }

    @Test
    void fullDownloadWritesTheHuggingFaceLayout() throws IOException {
        DownloadResult r = download(downloader());

        HubCache cache = new HubCache(cacheDir);
        Path snap = cache.snapshot(REPO, commit);
        assertThat(r.snapshotDir()).isEqualTo(snap);
        assertThat(r.commit()).isEqualTo(commit);
        assertThat(Files.readString(cache.ref(REPO, "main"))).isEqualTo(commit);
        for (var e : HubFixtures.gpt2Repo(FLOATS).entrySet()) {
            Path link = snap.resolve(e.getKey());
            assertThat(Files.isSymbolicLink(link)).as(e.getKey()).isTrue();
            Path target = Files.readSymbolicLink(link);
            assertThat(target.isAbsolute()).isFalse();
            assertThat(target.toString()).startsWith("../../blobs/");
            assertThat(Files.readAllBytes(link)).isEqualTo(e.getValue());
        }
        String sha = FakeHub.hex(HubFixtures.gpt2Repo(FLOATS).get("model.safetensors"), "SHA-256");
        assertThat(Files.readSymbolicLink(snap.resolve("model.safetensors")).getFileName())
                .hasToString(sha);
        assertThat(cache.noExist(REPO, commit).resolve("tokenizer_config.json")).exists();
        try (var s = Files.list(cache.blobsDir(REPO))) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.endsWith(".incomplete"));
        }
        DownloadProgress last = progress.get(progress.size() - 1);
        assertThat(last.status()).isEqualTo("done");
        assertThat(last.done()).isEqualTo(last.total());
        assertThat(r.fetchedBytes()).isGreaterThanOrEqualTo(weightsSize());
    }

    @Test
    void aCacheWrittenByTheAppReadsBack() {
        download(downloader());

        List<CachedSnapshot> found =
                new CacheScanner(new HubCache(cacheDir), HubFixtures.GPT2_ONLY).scan();

        assertThat(found).hasSize(1);
        CachedSnapshot s = found.get(0);
        assertThat(s.repo()).isEqualTo(REPO);
        assertThat(s.refs()).containsExactly("main");
        assertThat(s.facts().family()).isEqualTo("gpt2");
        assertThat(s.facts().parameterCount()).isEqualTo(FLOATS);
        assertThat(s.facts().dtype()).isEqualTo("F32");
        assertThat(s.facts().sizeOnDisk()).isGreaterThan(weightsSize());
        assertThat(s.opens()).as(s.facts().problem().orElse("")).isTrue();
        assertThat(s.knownMissing()).containsExactly("tokenizer_config.json");
    }

    @Test
    void aSecondDownloadFetchesNothing() {
        download(downloader());
        long served = hub.blobBytesServed.get();

        DownloadResult again = download(downloader());

        assertThat(again.fetchedBytes()).isZero();
        assertThat(hub.blobBytesServed.get()).isEqualTo(served);
    }

    @Test
    void shardedCheckpointsFetchTheIndexAndEveryShard() {
        RepoId sharded = new RepoId("test-org/sharded");
        String c = hub.add(sharded.id(), HubFixtures.shardedRepo());

        DownloadResult r =
                new HubDownloader(env(Map.of()))
                        .download(sharded, "main", p -> {}, new CancelSignal());

        assertThat(r.files())
                .contains(
                        "model.safetensors.index.json",
                        "model-00001-of-00002.safetensors",
                        "model-00002-of-00002.safetensors");
        var facts = new SnapshotInspector(HubFixtures.GPT2_ONLY).inspect(r.snapshotDir());
        assertThat(facts.parameterCount()).isEqualTo(1500);
        assertThat(facts.dtype()).isEqualTo("BF16");
        assertThat(new HubCache(cacheDir).noExist(sharded, c).resolve("model.safetensors"))
                .exists();
    }

    @Test
    void resumeAfterADropFetchesAtMostOneChunkTwice() throws IOException {
        hub.dropAfter = 4 * FakeHub.CHUNK + 100;
        hub.drops.set(1);

        assertThatThrownBy(() -> download(downloader()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("dropped")
                .hasMessageContaining("run the download again to resume")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.DROPPED));
        HubCache cache = new HubCache(cacheDir);
        assertThat(cache.snapshotsDir(REPO)).doesNotExist();
        assertThat(cache.ref(REPO, "main")).doesNotExist();
        String sha = FakeHub.hex(HubFixtures.gpt2Repo(FLOATS).get("model.safetensors"), "SHA-256");
        long partial = Files.size(cache.incompleteBlob(REPO, sha));
        assertThat(partial).isPositive();

        download(downloader());

        assertThat(hub.ranges).containsExactly("bytes=%d-".formatted(partial));
        assertThat(hub.blobBytesServed.get()).isLessThanOrEqualTo(weightsSize() + FakeHub.CHUNK);
        assertThat(Files.readAllBytes(cache.snapshot(REPO, commit).resolve("model.safetensors")))
                .isEqualTo(HubFixtures.gpt2Repo(FLOATS).get("model.safetensors"));
    }

    @Test
    void aDropIsResumedAutomaticallyWhenRetriesAreAllowed() {
        hub.dropAfter = 2 * FakeHub.CHUNK;
        hub.drops.set(1);

        DownloadResult r =
                new HubDownloader(env(Map.of()))
                        .retries(2)
                        .download(REPO, "main", progress::add, new CancelSignal());

        assertThat(r.snapshotDir().resolve("model.safetensors")).exists();
        assertThat(hub.ranges).hasSize(1);
        assertThat(progress).anyMatch(p -> p.status().startsWith("connection dropped, resuming"));
    }

    @Test
    void aServerThatIgnoresRangeRestartsTheFileCleanly() throws IOException {
        hub.dropAfter = 3 * FakeHub.CHUNK;
        hub.drops.set(1);
        assertThatThrownBy(() -> download(downloader())).isInstanceOf(HubException.class);
        hub.honourRange = false;

        DownloadResult r = download(downloader());

        assertThat(hub.ranges).hasSize(1);
        assertThat(Files.readAllBytes(r.snapshotDir().resolve("model.safetensors")))
                .isEqualTo(HubFixtures.gpt2Repo(FLOATS).get("model.safetensors"));
    }

    @Test
    void aWrongSha256DeletesTheBlobAndSaysSo() {
        hub.wrongSha = true;

        assertThatThrownBy(() -> download(downloader()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining("model.safetensors failed verification: sha256 mismatch")
                .hasMessageContaining("deleted")
                .satisfies(
                        e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.VERIFY_FAILED));
        HubCache cache = new HubCache(cacheDir);
        assertThat(cache.snapshotsDir(REPO)).doesNotExist();
        try (var s = Files.list(cache.blobsDir(REPO))) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .noneMatch(
                            n -> n.length() == 64 || n.endsWith(".incomplete") && n.length() == 75);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aGatedRepositoryAsksForTheLicenceAndTheToken() {
        hub.gatedToken = "hf_secret";

        assertThatThrownBy(() -> download(downloader()))
                .hasMessageContaining("accept the licence on the model page, then set HF_TOKEN")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.GATED));

        new HubDownloader(env(Map.of("HF_TOKEN", "hf_secret")))
                .download(REPO, "main", p -> {}, new CancelSignal());
        assertThat(hub.authorizations).contains("Bearer hf_secret");
    }

    @Test
    void theTokenFileUnderHfHomeIsSentToo() throws IOException {
        hub.gatedToken = "hf_from_file";
        Path home = cacheDir.resolve("hf-home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("token"), "hf_from_file\n");

        new HubDownloader(env(Map.of("HF_HOME", home.toString())))
                .download(REPO, "main", p -> {}, new CancelSignal());

        assertThat(hub.authorizations).contains("Bearer hf_from_file");
    }

    @ParameterizedTest
    @CsvSource({
        "404, , NOT_FOUND, HTTP 404",
        "401, RepoNotFound, NOT_FOUND, repository test-org/tiny-gpt2 not found",
        "403, , GATED, accept the licence",
        "429, , RATE_LIMITED, try again in 7 s",
        "500, , SERVER, HTTP 500",
        "503, , SERVER, try again later",
    })
    void errorStatusesBecomeOneLine(int status, String code, Kind kind, String text) {
        hub.errorStatus = status;
        hub.errorHeaders = code == null ? Map.of("Retry-After", "7") : Map.of("X-Error-Code", code);

        assertThatThrownBy(() -> download(downloader()))
                .isInstanceOf(HubException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(kind))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(cacheDir.resolve(REPO.folderName()).resolve("snapshots")).doesNotExist();
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        hub.errorStatus = 429;
        hub.errorHeaders = Map.of("Retry-After", "12");

        assertThatThrownBy(() -> download(downloader()))
                .satisfies(e -> assertThat(((HubException) e).retryAfterSeconds()).hasValue(12));
    }

    @Test
    void unknownRepositoryIsNotFound() {
        assertThatThrownBy(
                        () ->
                                downloader()
                                        .download(
                                                new RepoId("nobody/nothing"),
                                                "main",
                                                p -> {},
                                                new CancelSignal()))
                .hasMessage(
                        "repository nobody/nothing not found (HTTP 401); check the id, or set HF_TOKEN if it is private");
    }

    @Test
    void cancelDuringAStallReturnsAtOnceAndKeepsThePartialFile() throws Exception {
        hub.stallAfter = 2L * FakeHub.CHUNK;
        CancelSignal cancel = new CancelSignal();
        CountDownLatch finished = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicLong returnedAt =
                new java.util.concurrent.atomic.AtomicLong();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t =
                new Thread(
                        () -> {
                            try {
                                downloader().download(REPO, "main", p -> {}, cancel);
                            } catch (Throwable e) {
                                thrown.set(e);
                            } finally {
                                returnedAt.set(System.nanoTime());
                                finished.countDown();
                            }
                        });
        t.start();
        assertThat(hub.stalled.await(20, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // let the client take in the bytes before the stall

        long cancelled = System.nanoTime();
        cancel.cancel();

        assertThat(finished.await(2, TimeUnit.SECONDS))
                .as("download returned after cancel")
                .isTrue();
        System.out.printf(
                "cancel: download returned %.1f ms after cancel()%n",
                (returnedAt.get() - cancelled) / 1e6);
        assertThat(thrown.get()).isInstanceOf(DownloadCancelledException.class);
        String sha = FakeHub.hex(HubFixtures.gpt2Repo(FLOATS).get("model.safetensors"), "SHA-256");
        assertThat(Files.size(new HubCache(cacheDir).incompleteBlob(REPO, sha)))
                .isEqualTo(2L * FakeHub.CHUNK);
        assertThat(new HubCache(cacheDir).snapshotsDir(REPO)).doesNotExist();
    }

    @Test
    void aStallLongerThanTheTimeoutCountsAsADrop() {
        hub.stallAfter = FakeHub.CHUNK;

        assertThatThrownBy(
                        () ->
                                new HubDownloader(env(Map.of()))
                                        .retries(0)
                                        .stallTimeout(java.time.Duration.ofMillis(500))
                                        .download(REPO, "main", p -> {}, new CancelSignal()))
                .hasMessageContaining("no data for")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.DROPPED));
    }

    @Test
    void twoDownloadsOfTheSameRepositoryAtOnceBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DownloadResult> a = pool.submit(() -> download(downloader()));
            Future<DownloadResult> b = pool.submit(() -> download(downloader()));
            Path snap = a.get(60, TimeUnit.SECONDS).snapshotDir();
            assertThat(b.get(60, TimeUnit.SECONDS).snapshotDir()).isEqualTo(snap);
            for (var e : HubFixtures.gpt2Repo(FLOATS).entrySet()) {
                assertThat(Files.readAllBytes(snap.resolve(e.getKey()))).isEqualTo(e.getValue());
            }
            assertThat(hub.blobBytesServed.get()).isEqualTo(weightsSize());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFullDiskAtTheWriterSaysSoAndKeepsThePartialFile() throws IOException {
        long limit = 3L * FakeHub.CHUNK;
        FileSink small =
                (file, append) ->
                        new LimitedChannel(FileSink.FILES.open(file, append), file, limit);

        assertThatThrownBy(
                        () ->
                                new HubDownloader(env(Map.of()))
                                        .retries(0)
                                        .sink(small)
                                        .download(REPO, "main", p -> {}, new CancelSignal()))
                .hasMessageContaining("disk full while writing")
                .hasMessageContaining("run the download again to resume")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.DISK_FULL));
        HubCache cache = new HubCache(cacheDir);
        assertThat(cache.snapshotsDir(REPO)).doesNotExist();
        assertThat(cache.ref(REPO, "main")).doesNotExist();
    }

    @Test
    void freeSpaceIsCheckedBeforeTheFirstByte() {
        assertThatThrownBy(
                        () ->
                                new HubDownloader(env(Map.of()))
                                        .diskSpace(dir -> 1000)
                                        .download(REPO, "main", p -> {}, new CancelSignal()))
                .hasMessageContaining("not enough disk space")
                .hasMessageContaining("needed, 1.0 kB free")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.DISK_FULL));
        assertThat(hub.blobBytesServed.get()).isZero();
    }

    @Test
    void offlineModeMakesNoRequest() {
        assertThatThrownBy(
                        () ->
                                new HubDownloader(env(Map.of("HF_HUB_OFFLINE", "1")))
                                        .download(REPO, "main", p -> {}, new CancelSignal()))
                .hasMessageContaining("HF_HUB_OFFLINE")
                .satisfies(e -> assertThat(((HubException) e).kind()).isEqualTo(Kind.OFFLINE));
        assertThat(hub.requests.get()).isZero();
    }

    @Test
    void aClosedPortIsNoNetwork() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HubEnvironment e = env(Map.of()).withEndpoint("http://127.0.0.1:" + port);

        assertThatThrownBy(
                        () ->
                                new HubDownloader(e)
                                        .download(REPO, "main", p -> {}, new CancelSignal()))
                .hasMessageContaining("cannot connect to 127.0.0.1")
                .satisfies(x -> assertThat(((HubException) x).kind()).isEqualTo(Kind.NO_NETWORK));
    }

    @Test
    void aLookupFailureIsReportedAsDns() {
        var e =
                HubHttp.networkError(
                        new java.net.ConnectException() {
                            {
                                initCause(new java.nio.channels.UnresolvedAddressException());
                            }
                        },
                        java.net.URI.create("https://hub.example/x"),
                        "config.json");

        assertThat(e.kind()).isEqualTo(Kind.DNS);
        assertThat(e.getMessage())
                .isEqualTo(
                        "cannot resolve hub.example: check the network connection or HF_ENDPOINT");
    }

    /** A channel that fails like a full disk after {@code limit} bytes. */
    private record LimitedChannel(WritableByteChannel inner, Path file, long limit)
            implements WritableByteChannel {
        @Override
        public int write(ByteBuffer src) throws IOException {
            long have = Files.size(file);
            if (have + src.remaining() > limit) {
                throw new IOException("No space left on device");
            }
            return inner.write(src);
        }

        @Override
        public boolean isOpen() {
            return inner.isOpen();
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }
}
