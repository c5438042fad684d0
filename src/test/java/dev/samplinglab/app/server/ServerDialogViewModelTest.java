package dev.samplinglab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.server.ServerDialogViewModel.Verdict;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dialog's view model without a toolkit: a fake server, the calling thread as UI thread. */
class ServerDialogViewModelTest {

    /** A server that answers from fields and records what it was asked. */
    static class FakeProbe implements ServerProbe {
        ServerApi api = ServerApi.LLAMACPP;
        List<String> models = List.of("gpt2-small.gguf");
        Exception failure;
        final List<String> calls = new ArrayList<>();
        final List<String> keys = new ArrayList<>();

        @Override
        public ServerApi detect(String baseUrl, String apiKey) throws Exception {
            calls.add("detect " + baseUrl);
            keys.add(apiKey);
            if (failure != null) {
                throw failure;
            }
            return api;
        }

        @Override
        public List<String> models(String baseUrl, ServerApi api, String apiKey) {
            calls.add("models " + api.key());
            return models;
        }

        @Override
        public String step(String baseUrl, ServerApi api, String model, String apiKey) {
            calls.add("step " + model);
            keys.add(apiKey);
            return "top-20 log-probabilities";
        }
    }

    private final FakeProbe probe = new FakeProbe();
    private final Map<String, String> env = Map.of("MY_KEY", "sk-secret-123");

    private ServerDialogViewModel vm() {
        return new ServerDialogViewModel(probe, env::get, Runnable::run, Runnable::run);
    }

    @Test
    void listingDetectsTheFlavourAndPicksTheFirstModel() {
        ServerDialogViewModel vm = vm();
        vm.baseUrlProperty().set("http://127.0.0.1:8089/");
        vm.listModels();
        assertThat(probe.calls).containsExactly("detect http://127.0.0.1:8089", "models llamacpp");
        assertThat(vm.detectedProperty().get()).isEqualTo(ServerApi.LLAMACPP);
        assertThat(vm.models()).containsExactly("gpt2-small.gguf");
        assertThat(vm.modelProperty().get()).isEqualTo("gpt2-small.gguf");
        assertThat(vm.statusProperty().get())
                .isEqualTo("llama.cpp /completion: 1 model at http://127.0.0.1:8089");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aChosenFlavourIsNotDetected() {
        ServerDialogViewModel vm = vm();
        vm.apiProperty().set(ServerApi.OLLAMA);
        vm.listModels();
        assertThat(probe.calls).containsExactly("models ollama");
    }

    @Test
    void aSuccessfulTestSaysWhatTheServerAnswered() {
        ServerDialogViewModel vm = vm();
        vm.modelProperty().set("gpt2-small.gguf");
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.OK);
        assertThat(vm.statusProperty().get())
                .startsWith(
                        "Connected: llama.cpp /completion at http://127.0.0.1:8080 serves"
                                + " gpt2-small.gguf; one step gave top-20 log-probabilities (")
                .endsWith(" ms).");
        assertThat(probe.calls).endsWith("step gpt2-small.gguf");
    }

    @Test
    void aModelTheServerDoesNotListFailsWithTheListedOnes() {
        ServerDialogViewModel vm = vm();
        vm.modelProperty().set("llama3:8b");
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.FAILED);
        assertThat(vm.statusProperty().get())
                .isEqualTo(
                        "Failed: the server does not list model 'llama3:8b'; it serves"
                                + " gpt2-small.gguf");
        assertThat(probe.calls).noneMatch(c -> c.startsWith("step"));
    }

    @Test
    void aServerErrorIsOneLineAndTheDialogStaysUsable() {
        ServerDialogViewModel vm = vm();
        probe.failure = new IOException("cannot reach http://127.0.0.1:8080: connection refused");
        vm.modelProperty().set("gpt2-small.gguf");
        vm.testConnection();
        assertThat(vm.statusProperty().get())
                .isEqualTo("Failed: cannot reach http://127.0.0.1:8080: connection refused");
        assertThat(vm.busyProperty().get()).isFalse();
        probe.failure = null;
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.OK);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|m|''|type the server's base URL, e.g. http://127.0.0.1:8080",
                "ftp://h|m|''|'ftp://h' is not an http:// or https:// URL",
                "http://|m|''|'http://' is not a URL: Expected authority at index 7: http://",
                "http://h:1|''|''|choose a model: press List models, or type its name",
                "http://h:1|m|sk-abcdef123456|'sk-abc…' is not an environment variable name: type"
                        + " the NAME of the variable that holds the key (e.g. VLLM_API_KEY), never"
                        + " the key itself",
            })
    void incompleteFieldsSayWhatIsMissingWithoutAsking(
            String url, String model, String keyEnv, String message) {
        ServerDialogViewModel vm = vm();
        vm.baseUrlProperty().set(url);
        vm.modelProperty().set(model);
        vm.keyEnvProperty().set(keyEnv);
        vm.testConnection();
        assertThat(vm.statusProperty().get()).isEqualTo(message);
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.FAILED);
        assertThat(vm.specToOpen()).isNull();
        assertThat(probe.calls).isEmpty();
    }

    @Test
    void theKeyComesFromTheNamedVariableAndNeverIntoTheSpec() {
        ServerDialogViewModel vm = vm();
        vm.modelProperty().set("gpt2-small.gguf");
        vm.keyEnvProperty().set("MY_KEY");
        vm.testConnection();
        assertThat(probe.keys).containsOnly("sk-secret-123");
        String spec = vm.specToOpen();
        assertThat(spec).isEqualTo("server:http://127.0.0.1:8080#gpt2-small.gguf;key-env=MY_KEY");
        assertThat(spec).doesNotContain("sk-secret");
    }

    @Test
    void anUnsetKeyVariableIsNamed() {
        ServerDialogViewModel vm = vm();
        vm.modelProperty().set("m");
        vm.keyEnvProperty().set("OTHER_KEY");
        vm.testConnection();
        assertThat(vm.statusProperty().get())
                .isEqualTo(
                        "Failed: the environment variable OTHER_KEY is not set; set it to the API"
                                + " key before starting the app, or leave the field empty");
    }

    @Test
    void openHandsTheSpecToTheModelLoader() {
        ServerDialogViewModel vm = vm();
        vm.baseUrlProperty().set("http://gpu-node:8000");
        vm.apiProperty().set(ServerApi.OPENAI);
        vm.modelProperty().set("meta-llama/Llama-3.1-8B");
        List<String> opened = new ArrayList<>();
        assertThat(vm.open(opened::add)).isTrue();
        assertThat(opened)
                .containsExactly("server:http://gpu-node:8000#meta-llama/Llama-3.1-8B;api=openai");
    }

    @Test
    void loadReadsAnEarlierSpecBack() {
        ServerDialogViewModel vm = vm();
        vm.load("server:http://h:11434#llama3:8b;api=ollama;key-env=OLLAMA_KEY");
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://h:11434");
        assertThat(vm.modelProperty().get()).isEqualTo("llama3:8b");
        assertThat(vm.apiProperty().get()).isEqualTo(ServerApi.OLLAMA);
        assertThat(vm.keyEnvProperty().get()).isEqualTo("OLLAMA_KEY");
    }

    @Test
    void cancelInterruptsTheRequestAndDropsItsAnswer() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ServerProbe hanging =
                new FakeProbe() {
                    @Override
                    public ServerApi detect(String baseUrl, String apiKey) {
                        started.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                        return ServerApi.OPENAI; // a late answer that must be dropped
                    }
                };
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            ServerDialogViewModel vm =
                    new ServerDialogViewModel(hanging, env::get, background, Runnable::run);
            vm.modelProperty().set("m");
            vm.testConnection();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(vm.busyProperty().get()).isTrue();
            vm.cancel();
            assertThat(vm.busyProperty().get()).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
            assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
            background.submit(() -> {}).get(10, TimeUnit.SECONDS);
            assertThat(vm.statusProperty().get()).isEqualTo("Cancelled.");
            assertThat(vm.detectedProperty().get()).isNull();
        } finally {
            background.shutdownNow();
        }
    }
}
