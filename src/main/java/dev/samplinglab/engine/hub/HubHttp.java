package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.hub.HubException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The Hub's {@code resolve/} endpoint over {@code java.net.http}: HEAD for a file's metadata (the
 * way {@code huggingface_hub.get_hf_file_metadata} does it, following only relative redirects) and
 * GET of the bytes. Every failure becomes a one-line {@link HubException}.
 */
final class HubHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(30);
    private static final String USER_AGENT =
            "sampling-lab/0.1; java/" + System.getProperty("java.version");
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final HubEnvironment env;

    HubHttp(HubEnvironment env) {
        this.env = env;
        this.client =
                HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .proxy(HubProxy.of(env))
                        .build();
    }

    /** {@code {endpoint}/{repo}/resolve/{revision}/{file}}. */
    URI resolveUrl(RepoId repo, String revision, String file) {
        String rev = URLEncoder.encode(revision, StandardCharsets.UTF_8);
        String path =
                String.join(
                        "/",
                        java.util.Arrays.stream(file.split("/"))
                                .map(
                                        s ->
                                                URLEncoder.encode(s, StandardCharsets.UTF_8)
                                                        .replace("+", "%20"))
                                .toList());
        return URI.create("%s/%s/resolve/%s/%s".formatted(env.endpoint(), repo.id(), rev, path));
    }

    /** The file's metadata, or empty when the repository has no such file. */
    Optional<RemoteFile> head(RepoId repo, String revision, String file, CancelSignal cancel) {
        URI uri = resolveUrl(repo, revision, file);
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpResponse<Void> r =
                    send(
                            request(uri)
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.discarding(),
                            cancel,
                            file);
            int status = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            if (status >= 300
                    && status < 400
                    && location.isPresent()
                    && isRelative(location.get())) {
                uri = uri.resolve(location.get());
                continue;
            }
            if (status == 404 && isMissingEntry(r.headers())) {
                return Optional.empty();
            }
            if (status < 300 || status >= 400 || location.isEmpty()) {
                failUnlessOk(status, r.headers(), repo, revision, file);
            }
            return Optional.of(metadata(file, r, location.map(uri::resolve).orElse(uri)));
        }
        throw new HubException(
                Kind.BAD_RESPONSE,
                "%s: too many redirects from %s".formatted(file, env.endpoint()));
    }

    /** Starts a GET of {@code uri} from byte {@code offset} (a Range request when positive). */
    <T> CompletableFuture<HttpResponse<T>> get(
            URI uri, long offset, HttpResponse.BodyHandler<T> handler) {
        HttpRequest.Builder b = request(uri).GET();
        if (offset > 0) {
            b.header("Range", "bytes=%d-".formatted(offset));
        }
        return client.sendAsync(b.build(), handler);
    }

    /** Waits for a request's response; cancel ends the wait at once. */
    <T> HttpResponse<T> send(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            CancelSignal cancel,
            String file) {
        CompletableFuture<HttpResponse<T>> f = client.sendAsync(request, handler);
        try {
            while (true) {
                HttpResponse<T> r = cancel.await(f, 1000);
                if (r != null) {
                    return r;
                }
            }
        } catch (RuntimeException e) {
            throw e instanceof HubException || e instanceof DownloadCancelledException
                    ? e
                    : networkError(e, request.uri(), file);
        } catch (Throwable t) {
            throw networkError(t, request.uri(), file);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .timeout(HEADERS_TIMEOUT)
                        .header("User-Agent", USER_AGENT)
                        .header("Accept-Encoding", "identity");
        if (env.token().isPresent() && sameHost(uri)) {
            b.header("Authorization", "Bearer " + env.token().get());
        }
        return b;
    }

    /** The token goes to the endpoint only, never to a CDN a redirect names. */
    private boolean sameHost(URI uri) {
        URI endpoint = URI.create(env.endpoint());
        return uri.getHost() != null
                && uri.getHost().equalsIgnoreCase(endpoint.getHost())
                && uri.getPort() == endpoint.getPort();
    }

    private static boolean isRelative(String location) {
        return !URI.create(location).isAbsolute();
    }

    private static boolean isMissingEntry(HttpHeaders h) {
        return h.firstValue("X-Error-Code").map(c -> c.equals("EntryNotFound")).orElse(false);
    }

    private static RemoteFile metadata(String file, HttpResponse<?> r, URI location) {
        HttpHeaders h = r.headers();
        String commit = h.firstValue("X-Repo-Commit").orElse("");
        String etag =
                h.firstValue("X-Linked-Etag")
                        .or(() -> h.firstValue("ETag"))
                        .map(RemoteFile::normalizeEtag)
                        .orElse("");
        long size =
                h.firstValue("X-Linked-Size")
                        .or(() -> h.firstValue("Content-Length"))
                        .map(HubHttp::parseLong)
                        .orElse(-1L);
        if (!commit.matches("[0-9a-f]{40}")
                || etag.isEmpty()
                || !etag.matches("[A-Za-z0-9._-]+")
                || size < 0) {
            throw new HubException(
                    Kind.BAD_RESPONSE,
                    "%s: the server sent no usable X-Repo-Commit, ETag or size; is HF_ENDPOINT a Hugging Face Hub or mirror?"
                            .formatted(file));
        }
        return new RemoteFile(file, commit, etag, size, location);
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Maps an HTTP error status to its one-line message. */
    static void failUnlessOk(int status, HttpHeaders h, RepoId repo, String revision, String file) {
        if (status >= 200 && status < 300) {
            return;
        }
        String code = h.firstValue("X-Error-Code").orElse("");
        if (code.equals("GatedRepo")
                || ((status == 401 || status == 403) && !code.equals("RepoNotFound"))) {
            throw new HubException(
                    Kind.GATED,
                    "%s is gated or private (HTTP %d): accept the licence on the model page, then set HF_TOKEN"
                            .formatted(repo, status));
        }
        if (code.equals("RepoNotFound")
                || (status == 404 && code.isEmpty() && file.equals("config.json"))) {
            throw new HubException(
                    Kind.NOT_FOUND,
                    "repository %s not found (HTTP %d); check the id, or set HF_TOKEN if it is private"
                            .formatted(repo, status));
        }
        if (code.equals("RevisionNotFound")) {
            throw new HubException(
                    Kind.NOT_FOUND, "%s has no revision '%s'".formatted(repo, revision));
        }
        if (status == 404) {
            throw new HubException(
                    Kind.NOT_FOUND,
                    "%s has no file %s at %s (HTTP 404)".formatted(repo, file, revision));
        }
        if (status == 429) {
            OptionalLong after =
                    h.firstValue("Retry-After")
                            .map(HubHttp::parseLong)
                            .filter(v -> v >= 0)
                            .map(OptionalLong::of)
                            .orElse(OptionalLong.empty());
            String wait =
                    after.isPresent()
                            ? "try again in %d s".formatted(after.getAsLong())
                            : "try again later";
            throw new HubException(
                    Kind.RATE_LIMITED,
                    "the Hub is rate-limiting requests (HTTP 429): %s".formatted(wait),
                    null,
                    after);
        }
        if (status >= 500) {
            throw new HubException(
                    Kind.SERVER,
                    "the Hub answered HTTP %d for %s: a server error, try again later"
                            .formatted(status, file));
        }
        throw new HubException(
                Kind.BAD_RESPONSE, "the Hub answered HTTP %d for %s".formatted(status, file));
    }

    /** Maps a connection failure to its one-line message. */
    static HubException networkError(Throwable t, URI uri, String file) {
        String host = uri.getHost() == null ? uri.toString() : uri.getHost();
        if (hasCause(t, UnresolvedAddressException.class)
                || hasCause(t, UnknownHostException.class)) {
            return new HubException(
                    Kind.DNS,
                    "cannot resolve %s: check the network connection or HF_ENDPOINT"
                            .formatted(host),
                    t);
        }
        if (hasCause(t, HttpConnectTimeoutException.class) || hasCause(t, ConnectException.class)) {
            return new HubException(
                    Kind.NO_NETWORK,
                    "cannot connect to %s: no network, or the server is down".formatted(host),
                    t);
        }
        if (hasCause(t, HttpTimeoutException.class)) {
            return new HubException(
                    Kind.NO_NETWORK,
                    "%s did not answer within %d s for %s"
                            .formatted(host, HEADERS_TIMEOUT.toSeconds(), file),
                    t);
        }
        if (hasCause(t, IOException.class)) {
            return new HubException(
                    Kind.DROPPED,
                    "the connection to %s dropped while fetching %s; run the download again to resume"
                            .formatted(host, file),
                    t);
        }
        return new HubException(
                Kind.BAD_RESPONSE,
                "request to %s failed: %s"
                        .formatted(host, String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT)),
                t);
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
