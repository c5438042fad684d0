package dev.samplinglab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.server.FakeInferenceServer.Reply;
import dev.samplinglab.engine.server.ServerException.Kind;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each failure of a server request is one line with its kind; nothing else breaks. */
class ServerErrorsTest {
    static LanguageModel local;

    @BeforeAll
    static void open() {
        local = LanguageModel.open("bundled");
    }

    @AfterAll
    static void close() {
        local.close();
    }

    /** A fault on the step's endpoint, the expected kind and a phrase of the message. */
    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of(
                        ServerFlavour.LLAMACPP,
                        "/completion",
                        Reply.of(
                                500, "{\"error\":{\"code\":500,\"message\":\"slot unavailable\"}}"),
                        Kind.SERVER_ERROR,
                        "failed on /completion (500: slot unavailable)"),
                Arguments.of(
                        ServerFlavour.LLAMACPP,
                        "/completion",
                        Reply.of(200, "{\"content\": \"x\", \"completion_probabilities\": [{"),
                        Kind.MALFORMED,
                        "sent malformed JSON for /completion"),
                Arguments.of(
                        ServerFlavour.LLAMACPP,
                        "/completion",
                        Reply.of(200, "{\"content\": \"x\", \"stop\": true}"),
                        Kind.NO_LOGPROBS,
                        "completion_probabilities is missing"),
                Arguments.of(
                        ServerFlavour.VLLM,
                        "/v1/completions",
                        Reply.of(
                                400,
                                "{\"object\":\"error\",\"message\":\"Requested sample logprobs of 100,"
                                        + " which is greater than max allowed: 0\",\"code\":400}"),
                        Kind.NO_LOGPROBS,
                        "allows no log-probabilities; start vLLM with --max-logprobs 20"),
                Arguments.of(
                        ServerFlavour.OPENAI,
                        "/v1/completions",
                        Reply.of(
                                200,
                                "{\"choices\":[{\"index\":0,\"text\":\"x\",\"logprobs\":null,"
                                        + "\"finish_reason\":\"length\"}]}"),
                        Kind.NO_LOGPROBS,
                        "sent no log-probabilities"),
                Arguments.of(
                        ServerFlavour.OLLAMA,
                        "/api/generate",
                        Reply.of(200, "{\"model\":\"m\",\"response\":\"x\",\"done\":true}"),
                        Kind.NO_LOGPROBS,
                        "Ollama sends them from version 0.12.11 on"),
                Arguments.of(
                        ServerFlavour.OPENAI,
                        "/v1/completions",
                        Reply.of(
                                200,
                                "{\"choices\":[{\"index\":0,\"text\":\"a\",\"logprobs\":{\"tokens\":[\"a\"],"
                                        + "\"token_logprobs\":[-0.5],\"top_logprobs\":[{\"a\":-0.5,"
                                        + "\"b\":-1.5,\"c\":-2.5}]}}]}"),
                        Kind.TOO_FEW_LOGPROBS,
                        "sent 3 top log-probabilities where 20 were asked"),
                Arguments.of(
                        ServerFlavour.OLLAMA,
                        "/api/generate",
                        new Reply(429, Map.of("Retry-After", "3600"), "{\"error\":\"busy\"}"),
                        Kind.RATE_LIMITED,
                        "is rate limiting (429) and asks to wait 3600 s"));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("faults")
    void aFaultIsOneLineAndTheSessionStaysUsable(
            ServerFlavour flavour, String path, Reply reply, Kind kind, String phrase) {
        SamplingPipeline greedy = SamplingPipeline.of(SamplingSettings.greedyDecoding());
        try (FakeInferenceServer server = FakeInferenceServer.start(local, flavour, 20);
                LanguageModel remote = LanguageModel.open(server.spec());
                DecodeSession s = new DecodeSession(remote, "ROMEO:", 1)) {
            s.step(greedy);
            int[] before = s.tokens();
            server.fault((p, n) -> p.equals(path) ? reply : null);
            assertThatThrownBy(() -> s.step(greedy))
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e -> {
                                assertThat(e.kind()).isEqualTo(kind);
                                assertThat(e.getMessage()).contains(phrase).doesNotContain("\n");
                            });
            assertThat(s.tokens()).containsExactly(before);
            assertThat(s.history()).hasSize(1);
            server.fault((p, n) -> null);
            s.step(greedy);
            assertThat(s.history()).hasSize(2);
            assertThat(s.cacheLength()).isEqualTo(s.tokens().length);
        }
    }

    @Test
    void anUnreachableServerIsNamed() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String spec = "server:llamacpp+http://127.0.0.1:%d#m".formatted(port);
        assertThatThrownBy(() -> LanguageModel.open(spec))
                .isInstanceOfSatisfying(
                        ServerException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
                            assertThat(e.getMessage())
                                    .startsWith("cannot reach http://127.0.0.1:" + port)
                                    .contains("is the server running");
                        });
        ConnectionVerdict v = ServerConnection.test(ServerAddress.parse(spec));
        assertThat(v.ok()).isFalse();
        assertThat(v.message()).startsWith("Failed: cannot reach");
    }

    @Test
    void tlsToAPlainServerSaysSo() {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.LLAMACPP, 0)) {
            String spec = "server:llamacpp+" + server.url().replace("http:", "https:");
            assertThatThrownBy(() -> LanguageModel.open(spec))
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e -> {
                                assertThat(e.kind()).isEqualTo(Kind.TLS);
                                assertThat(e.getMessage())
                                        .startsWith("TLS with https://127.0.0.1:")
                                        .contains("use http:// for a plain server");
                            });
        }
    }

    @Test
    void aMissingKeyIsAskedForAndTheKeyFromTheEnvironmentIsSent() {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.VLLM, 20)) {
            server.requireKey("s3cret");
            assertThatThrownBy(() -> LanguageModel.open(server.spec()))
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e -> {
                                assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
                                assertThat(e.getMessage())
                                        .contains("refused the request (401: Invalid API key)")
                                        .contains("it needs an API key: set SAMPLING_LAB_API_KEY");
                            });
            String property = "samplinglab.env." + ApiKeys.VARIABLE;
            System.setProperty(property, "s3cret");
            try {
                ConnectionVerdict v = ServerConnection.test(ServerAddress.parse(server.spec()));
                assertThat(v.ok()).as(v.message()).isTrue();
            } finally {
                System.clearProperty(property);
            }
        }
    }

    @Test
    void aKeysFileGivesTheServersOwnKeyElseTheDefault(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve(ApiKeys.FILE_NAME);
        java.nio.file.Files.writeString(
                file,
                "default=d\nhttp\\://gpu\\:8000=g\n",
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ApiKeys.fromFile(file, java.net.URI.create("http://gpu:8000"))).contains("g");
        assertThat(ApiKeys.fromFile(file, java.net.URI.create("http://other:1"))).contains("d");
        assertThat(ApiKeys.fromFile(dir.resolve("none"), java.net.URI.create("http://x:1")))
                .isEmpty();
    }

    @Test
    void anUnknownModelListsTheServersModels() {
        for (ServerFlavour f : List.of(ServerFlavour.VLLM, ServerFlavour.OLLAMA)) {
            try (FakeInferenceServer server = FakeInferenceServer.start(local, f, 20);
                    LanguageModel remote =
                            LanguageModel.open(server.spec().replace(server.model(), "nope"))) {
                assertThatThrownBy(() -> new DecodeSession(remote, "ROMEO:", 1).close())
                        .isInstanceOfSatisfying(
                                ServerException.class,
                                e -> {
                                    assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
                                    assertThat(e.getMessage())
                                            .isEqualTo(
                                                    "model 'nope' is not on the server at %s; it has: %s"
                                                            .formatted(
                                                                    server.url(), server.model()));
                                });
            }
        }
    }

    @Test
    void aServerWithNoKnownApiIsNamed() {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.OLLAMA, 20)) {
            server.fault((p, n) -> Reply.of(404, "404 page not found"));
            assertThatThrownBy(() -> LanguageModel.open("server:" + server.url()))
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e ->
                                    assertThat(e.getMessage())
                                            .startsWith("no known API at " + server.url()));
        }
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() {
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.LLAMACPP, 0)) {
            server.fault(
                    (p, n) ->
                            p.equals("/completion") && n == 1
                                    ? new Reply(429, Map.of("Retry-After", "2"), "{}")
                                    : null);
            List<Long> waits = new ArrayList<>();
            ServerAddress a = ServerAddress.parse(server.spec());
            ServerHttp http =
                    new ServerHttp(a.base(), Optional.empty(), Duration.ofSeconds(30), waits::add);
            LogProbsApi api = ServerConnection.open(a, http);
            TopLogProbs t = api.next(ServerContext.ofIds(api.tokenize("ROMEO:", true)));
            assertThat(t.sent()).isEqualTo(LlamaCppApi.DEFAULT_TOP_N);
            assertThat(waits).containsExactly(2000L);
            assertThat(server.log().stream().filter(l -> l.endsWith("/completion"))).hasSize(2);
        }
    }

    @Test
    void aSlowServerTimesOut() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.LLAMACPP, 0)) {
            ServerAddress a = ServerAddress.parse(server.spec());
            ServerHttp http =
                    new ServerHttp(a.base(), Optional.empty(), Duration.ofMillis(1500), ms -> {});
            LogProbsApi api = new LlamaCppApi(http, server.model(), 20);
            server.fault((p, n) -> p.equals("/completion") ? block(release) : null);
            assertThatThrownBy(() -> api.next(ServerContext.ofIds(new int[] {1, 2})))
                    .isInstanceOfSatisfying(
                            ServerException.class,
                            e -> {
                                assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                                assertThat(e.getMessage())
                                        .contains("did not answer /completion within 1.5 s");
                            });
        } finally {
            release.countDown();
        }
    }

    @Test
    void interruptingTheCallerCancelsARequestInFlight() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try (FakeInferenceServer server =
                FakeInferenceServer.start(local, ServerFlavour.LLAMACPP, 0)) {
            LogProbsApi api = ServerConnection.open(ServerAddress.parse(server.spec()));
            server.fault(
                    (p, n) -> {
                        if (!p.equals("/completion")) {
                            return null;
                        }
                        arrived.countDown();
                        return block(release);
                    });
            Thread caller =
                    new Thread(
                            () -> {
                                try {
                                    api.next(ServerContext.ofIds(new int[] {1, 2}));
                                } catch (Throwable t) {
                                    thrown.set(t);
                                }
                                done.countDown();
                            });
            caller.start();
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
            caller.interrupt();
            // the server still holds the request: only cancellation can end the call
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(release.getCount()).isEqualTo(1);
            assertThat(thrown.get())
                    .isInstanceOf(CancellationException.class)
                    .hasMessageContaining("cancelled");
        } finally {
            release.countDown();
        }
    }

    private static Reply block(CountDownLatch release) {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Reply.of(500, "{\"error\":\"released\"}");
    }
}
