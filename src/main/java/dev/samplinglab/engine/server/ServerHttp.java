package dev.samplinglab.engine.server;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * JSON over HTTP to one inference server, with the JDK's {@link HttpClient}. Every call runs on the
 * client's threads while the caller waits interruptibly: interrupting the caller cancels the
 * exchange at once ({@link CancellationException}). A 429 is retried after its {@code Retry-After}
 * (up to {@value #RETRIES} times, each wait at most {@link #MAX_RETRY_WAIT}); every failure is a
 * one-line {@link ServerException}.
 */
final class ServerHttp {
    static final int RETRIES = 3;
    static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(60);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    /** Waits between retries; tests record the waits instead. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final URI base;
    private final Optional<String> apiKey;
    private final Duration requestTimeout;
    private final Sleeper sleeper;
    private final HttpClient client;

    ServerHttp(URI base, Optional<String> apiKey) {
        this(base, apiKey, REQUEST_TIMEOUT, Thread::sleep);
    }

    ServerHttp(URI base, Optional<String> apiKey, Duration requestTimeout, Sleeper sleeper) {
        this.base = base;
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.sleeper = sleeper;
        this.client =
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build();
    }

    URI base() {
        return base;
    }

    JsonElement get(String path) {
        return parse(path, send(request(path).GET().build(), path));
    }

    JsonElement post(String path, JsonObject body) {
        return parse(path, send(postRequest(path, body), path));
    }

    /** GET that answers empty when the path does not exist here (404, 405, 501): for probing. */
    Optional<JsonElement> tryGet(String path) {
        return orAbsent(() -> get(path));
    }

    /** POST that answers empty when the path does not exist here: for probing. */
    Optional<JsonElement> tryPost(String path, JsonObject body) {
        return orAbsent(() -> post(path, body));
    }

    private static Optional<JsonElement> orAbsent(java.util.function.Supplier<JsonElement> call) {
        try {
            return Optional.of(call.get());
        } catch (ServerException e) {
            if (e.kind() == Kind.NOT_FOUND
                    || e.kind() == Kind.BAD_REQUEST
                    || e.kind() == Kind.MALFORMED) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(requestTimeout)
                        .header("Accept", "application/json");
        apiKey.ifPresent(k -> b.header("Authorization", "Bearer " + k));
        return b;
    }

    private HttpRequest postRequest(String path, JsonObject body) {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }

    private String send(HttpRequest req, String path) {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> r = exchange(req, path);
            int status = r.statusCode();
            if (status == 429 && attempt < RETRIES) {
                waitBeforeRetry(retryAfter(r), path);
                continue;
            }
            if (status >= 200 && status < 300) {
                return r.body();
            }
            throw failure(status, r, path);
        }
    }

    private HttpResponse<String> exchange(HttpRequest req, String path) {
        CompletableFuture<HttpResponse<String>> f =
                client.sendAsync(req, HttpResponse.BodyHandlers.ofString());
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("request to %s%s cancelled".formatted(base, path));
        } catch (ExecutionException e) {
            throw connectionFailure(e.getCause(), path);
        }
    }

    private void waitBeforeRetry(Duration wait, String path) {
        if (wait.compareTo(MAX_RETRY_WAIT) > 0) {
            throw new ServerException(
                    Kind.RATE_LIMITED,
                    "the server at %s is rate limiting (429) and asks to wait %d s; try again later"
                            .formatted(base, wait.toSeconds()));
        }
        try {
            sleeper.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("request to %s%s cancelled".formatted(base, path));
        }
    }

    /** Retry-After as seconds or an HTTP date; one second when absent or unreadable. */
    static Duration retryAfter(HttpResponse<?> r) {
        Optional<String> h = r.headers().firstValue("Retry-After").map(String::strip);
        if (h.isEmpty()) {
            return Duration.ofSeconds(1);
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(h.get())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at =
                        ZonedDateTime.parse(h.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return Duration.ofSeconds(1);
            }
        }
    }

    private ServerException connectionFailure(Throwable cause, String path) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new ServerException(
                    Kind.UNREACHABLE,
                    "no connection to %s within %d s: check the host and port, and that the server runs"
                            .formatted(base, CONNECT_TIMEOUT.toSeconds()));
        }
        if (cause instanceof HttpTimeoutException) {
            return new ServerException(
                    Kind.TIMEOUT,
                    "the server at %s did not answer %s within %s s; it may be busy or the model too slow"
                            .formatted(base, path, requestTimeout.toMillis() / 1000.0));
        }
        if (cause instanceof SSLException) {
            return new ServerException(
                    Kind.TLS,
                    "TLS with %s failed (%s): use http:// for a plain server, or make Java trust its certificate"
                            .formatted(base, oneLine(cause.getMessage())),
                    cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException) {
            return new ServerException(
                    Kind.UNREACHABLE,
                    "cannot reach %s (%s): is the server running, and are the host and port right?"
                            .formatted(base, reason(cause)),
                    cause);
        }
        if (cause instanceof IOException) {
            return new ServerException(
                    Kind.UNREACHABLE,
                    "the connection to %s failed on %s (%s)".formatted(base, path, reason(cause)),
                    cause);
        }
        return new ServerException(
                Kind.UNREACHABLE,
                "the request to %s%s failed (%s)".formatted(base, path, reason(cause)),
                cause);
    }

    private ServerException failure(int status, HttpResponse<String> r, String path) {
        String said = serverMessage(r.body());
        String detail = said.isEmpty() ? "" : ": " + said;
        if (status == 401 || status == 403) {
            return new ServerException(
                    Kind.UNAUTHORIZED,
                    "the server at %s refused the request (%d%s); %s"
                            .formatted(
                                    base,
                                    status,
                                    detail,
                                    apiKey.isPresent()
                                            ? "the API key sent was not accepted: check %s or %s"
                                                    .formatted(ApiKeys.VARIABLE, ApiKeys.FILE_NAME)
                                            : "it needs an API key: set %s or put it in %s"
                                                    .formatted(
                                                            ApiKeys.VARIABLE,
                                                            ApiKeys.configDir()
                                                                    .resolve(ApiKeys.FILE_NAME))));
        }
        if (status == 404 || status == 405 || status == 501) {
            return new ServerException(
                    Kind.NOT_FOUND, "%s%s answered %d%s".formatted(base, path, status, detail));
        }
        if (status == 429) {
            return new ServerException(
                    Kind.RATE_LIMITED,
                    "the server at %s is still rate limiting (429) after %d retries; try again later"
                            .formatted(base, RETRIES));
        }
        if (status >= 500) {
            return new ServerException(
                    Kind.SERVER_ERROR,
                    "the server at %s failed on %s (%d%s)".formatted(base, path, status, detail));
        }
        return new ServerException(
                Kind.BAD_REQUEST,
                "the server at %s refused %s (%d%s)".formatted(base, path, status, detail));
    }

    private JsonElement parse(String path, String body) {
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonNull()) {
                throw new JsonParseException("empty body");
            }
            return e;
        } catch (JsonParseException e) {
            throw new ServerException(
                    Kind.MALFORMED,
                    "the server at %s sent malformed JSON for %s (%s)"
                            .formatted(base, path, oneLine(rootMessage(e))));
        }
    }

    /** The error text a server put in its JSON body, or the body's first line. */
    static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonElement e = JsonParser.parseString(body);
            if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                for (String key : new String[] {"error", "message", "detail"}) {
                    if (o.has(key)) {
                        JsonElement v = o.get(key);
                        if (v.isJsonObject() && v.getAsJsonObject().has("message")) {
                            return oneLine(v.getAsJsonObject().get("message").getAsString());
                        }
                        if (v.isJsonPrimitive()) {
                            return oneLine(v.getAsString());
                        }
                    }
                }
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw text
        }
        return oneLine(body);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    private static String reason(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : oneLine(m);
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
