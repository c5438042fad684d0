package dev.samplinglab.engine.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for the Hugging Face Hub's {@code resolve/} endpoint: HEAD and GET with
 * {@code X-Repo-Commit}, {@code X-Linked-Etag}, {@code X-Linked-Size}, a 302 from {@code resolve/}
 * to a separate {@code /blobs/{sha256}} path for LFS files (*.safetensors), and switches for the
 * failures the downloader must survive: ignore Range, drop after N bytes, an error status, a wrong
 * sha256, a stall.
 */
public final class FakeHub implements AutoCloseable {
    public static final int CHUNK = 64 * 1024;

    private final HttpServer server;
    private final ExecutorService pool =
            Executors.newCachedThreadPool(
                    r -> {
                        Thread t = new Thread(r, "fake-hub");
                        t.setDaemon(true);
                        return t;
                    });
    private final Map<String, Repo> repos = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();

    /** Bytes of blob content written to clients. */
    public final AtomicLong blobBytesServed = new AtomicLong();

    /** Range headers received on blob GETs, in order. */
    public final List<String> ranges = new CopyOnWriteArrayList<>();

    /** Authorization headers received, in order. */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public final AtomicInteger requests = new AtomicInteger();

    public volatile boolean honourRange = true;

    /** The next {@code drops} blob GETs end after {@code dropAfter} bytes. */
    public volatile long dropAfter = -1;

    public final AtomicInteger drops = new AtomicInteger();

    /** Every blob GET blocks after {@code stallAfter} bytes until {@link #release}. */
    public volatile long stallAfter = -1;

    public final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** An error status for every resolve/ request, with extra headers. */
    public volatile int errorStatus;

    public volatile Map<String, String> errorHeaders = Map.of();

    /** Advertise a sha256 that does not match the bytes. */
    public volatile boolean wrongSha;

    /** A repository that needs this bearer token (gated). */
    public volatile String gatedToken;

    private record Repo(String commit, Map<String, byte[]> files) {}

    public FakeHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:%d".formatted(server.getAddress().getPort());
    }

    /** Adds a repository; returns its commit. */
    public String add(String repo, Map<String, byte[]> files) {
        String commit = sha("commit:" + repo + files.keySet(), "SHA-1");
        repos.put(repo, new Repo(commit, Map.copyOf(files)));
        for (var e : files.entrySet()) {
            if (isLfs(e.getKey())) {
                blobs.put(hex(e.getValue(), "SHA-256"), e.getValue());
            }
        }
        return commit;
    }

    public void release() {
        release.countDown();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        pool.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            ex.getRequestHeaders()
                    .getOrDefault("Authorization", List.of())
                    .forEach(authorizations::add);
            if (path.startsWith("/blobs/")) {
                serveBlob(ex, blobs.get(path.substring("/blobs/".length())));
            } else {
                resolve(ex, path);
            }
        }
    }

    private void resolve(HttpExchange ex, String path) throws IOException {
        int at = path.indexOf("/resolve/");
        if (at < 0) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        String repoId = path.substring(1, at);
        String[] rest = path.substring(at + "/resolve/".length()).split("/", 2);
        Repo repo = repos.get(repoId);
        if (errorStatus != 0) {
            errorHeaders.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(errorStatus, -1);
            return;
        }
        if (repo == null) {
            error(ex, 401, "RepoNotFound");
            return;
        }
        if (gatedToken != null
                && !ex.getRequestHeaders()
                        .getOrDefault("Authorization", List.of())
                        .contains("Bearer " + gatedToken)) {
            error(ex, 401, "GatedRepo");
            return;
        }
        if (!rest[0].equals("main") && !rest[0].equals(repo.commit())) {
            error(ex, 404, "RevisionNotFound");
            return;
        }
        byte[] body = rest.length < 2 ? null : repo.files().get(rest[1]);
        if (body == null) {
            error(ex, 404, "EntryNotFound");
            return;
        }
        var h = ex.getResponseHeaders();
        h.add("X-Repo-Commit", repo.commit());
        if (isLfs(rest[1])) {
            String sha = hex(body, "SHA-256");
            h.add("X-Linked-Etag", "\"%s\"".formatted(wrongSha ? sha("wrong", "SHA-256") : sha));
            h.add("X-Linked-Size", Long.toString(body.length));
            h.add("ETag", "W/\"%s\"".formatted(sha("weak" + sha, "SHA-1")));
            h.add("Location", "%s/blobs/%s".formatted(endpoint(), sha));
            ex.sendResponseHeaders(302, -1);
            return;
        }
        byte[] gitHeader = "blob %d\0".formatted(body.length).getBytes(StandardCharsets.US_ASCII);
        h.add("ETag", "\"%s\"".formatted(hex(concat(gitHeader, body), "SHA-1")));
        h.add("Content-Length", Long.toString(body.length));
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    private void serveBlob(HttpExchange ex, byte[] body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int from = 0;
        if (range != null) {
            ranges.add(range);
            if (honourRange) {
                from = Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
                ex.getResponseHeaders()
                        .add(
                                "Content-Range",
                                "bytes %d-%d/%d".formatted(from, body.length - 1, body.length));
            }
        }
        ex.sendResponseHeaders(from > 0 ? 206 : 200, body.length - from);
        boolean drop = dropAfter >= 0 && drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        OutputStream out = ex.getResponseBody();
        long sent = 0;
        for (int pos = from; pos < body.length; pos += CHUNK) {
            int n = Math.min(CHUNK, body.length - pos);
            if (drop && sent + n > dropAfter) {
                throw new IOException("fake drop");
            }
            if (stallAfter >= 0 && sent >= stallAfter) {
                out.flush();
                stalled.countDown();
                awaitRelease();
                return;
            }
            out.write(body, pos, n);
            out.flush();
            sent += n;
            blobBytesServed.addAndGet(n);
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void error(HttpExchange ex, int status, String code) throws IOException {
        ex.getResponseHeaders().add("X-Error-Code", code);
        ex.sendResponseHeaders(status, -1);
    }

    private static boolean isLfs(String file) {
        return file.endsWith(".safetensors");
    }

    public static String hex(byte[] data, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha(String text, String algorithm) {
        return hex(text.getBytes(StandardCharsets.UTF_8), algorithm);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
