package dev.samplinglab.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.server.ServerDialogViewModel.Verdict;
import dev.samplinglab.engine.server.ConnectionVerdict;
import dev.samplinglab.engine.server.ServerAddress;
import dev.samplinglab.engine.server.ServerException;
import dev.samplinglab.engine.server.ServerFlavour;
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
        ServerFlavour flavour = ServerFlavour.LLAMACPP;
        List<String> models = List.of("gpt2-small.gguf");
        RuntimeException failure;
        final List<String> calls = new ArrayList<>();

        @Override
        public ServerFlavour detect(ServerAddress address) throws Exception {
            calls.add("detect " + address.text());
            if (failure != null) {
                throw failure;
            }
            return flavour;
        }

        @Override
        public List<String> models(ServerAddress address) {
            calls.add("models " + address.text());
            return models;
        }

        @Override
        public ConnectionVerdict test(ServerAddress address) {
            calls.add("test " + address.text());
            ServerAddress known =
                    address.withFlavour(flavour).withModel(address.model().orElse(models.get(0)));
            return failure == null
                    ? new ConnectionVerdict(true, known, models, 20, 0.9, "OK: top 20")
                    : new ConnectionVerdict(
                            false, address, List.of(), 0, 1, "Failed: " + failure.getMessage());
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
        assertThat(probe.calls)
                .containsExactly(
                        "detect server:http://127.0.0.1:8089",
                        "models server:llamacpp+http://127.0.0.1:8089");
        assertThat(vm.detectedProperty().get()).isEqualTo(ServerFlavour.LLAMACPP);
        assertThat(vm.models()).containsExactly("gpt2-small.gguf");
        assertThat(vm.modelProperty().get()).isEqualTo("gpt2-small.gguf");
        assertThat(vm.statusProperty().get())
                .isEqualTo("llama.cpp server at http://127.0.0.1:8089 lists 1 model");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.specToOpen())
                .isEqualTo("server:llamacpp+http://127.0.0.1:8089#gpt2-small.gguf");
    }

    @Test
    void aChosenFlavourIsNotDetectedAndChangingTheUrlForgetsADetectedOne() {
        ServerDialogViewModel vm = vm();
        vm.apiProperty().set(ApiChoice.of(ServerFlavour.OLLAMA));
        vm.listModels();
        assertThat(probe.calls).containsExactly("models server:ollama+http://127.0.0.1:8080");
        vm.apiProperty().set(ApiChoice.DETECT);
        vm.listModels();
        vm.baseUrlProperty().set("http://other:1");
        assertThat(vm.detectedProperty().get()).isNull();
        assertThat(vm.specToOpen()).isEqualTo("server:http://other:1#gpt2-small.gguf");
    }

    @Test
    void aSuccessfulTestShowsTheVerdictAndTheModelItChose() {
        ServerDialogViewModel vm = vm();
        vm.testConnection();
        assertThat(probe.calls).containsExactly("test server:http://127.0.0.1:8080");
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.OK);
        assertThat(vm.statusProperty().get()).isEqualTo("OK: top 20");
        assertThat(vm.modelProperty().get()).isEqualTo("gpt2-small.gguf");
        assertThat(vm.detectedProperty().get()).isEqualTo(ServerFlavour.LLAMACPP);
    }

    @Test
    void aFailedTestIsOneLineAndTheDialogStaysUsable() {
        ServerDialogViewModel vm = vm();
        probe.failure =
                new ServerException(
                        ServerException.Kind.UNREACHABLE,
                        "cannot reach http://127.0.0.1:8080: connection refused");
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.FAILED);
        assertThat(vm.statusProperty().get())
                .isEqualTo("Failed: cannot reach http://127.0.0.1:8080: connection refused");
        vm.listModels();
        assertThat(vm.statusProperty().get())
                .isEqualTo("Failed: cannot reach http://127.0.0.1:8080: connection refused");
        assertThat(vm.busyProperty().get()).isFalse();
        probe.failure = null;
        vm.testConnection();
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.OK);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '~',
            value = {
                "''~''~type the server's base URL, e.g. http://127.0.0.1:8080",
                "ftp://h~''~'server:ftp://h' needs an http:// or https:// URL with a host; use"
                        + " server:[openai|openai-chat|vllm|llamacpp|ollama+]http://HOST:PORT#MODEL",
                "http://h:1~sk-abcdef123456~'sk-abc…' is not an environment variable name: type the"
                        + " NAME of the variable that holds the key (e.g. VLLM_API_KEY), never the"
                        + " key itself",
                "http://h:1~OTHER_KEY~the environment variable OTHER_KEY is not set; set it to the"
                        + " API key before starting the app, or leave the field empty",
            })
    void badFieldsSayWhatIsWrongWithoutAsking(String url, String keyEnv, String message) {
        ServerDialogViewModel vm = vm();
        vm.baseUrlProperty().set(url);
        vm.keyEnvProperty().set(keyEnv);
        vm.testConnection();
        assertThat(vm.statusProperty().get()).isEqualTo(message);
        assertThat(vm.verdictProperty().get()).isEqualTo(Verdict.FAILED);
        assertThat(vm.specToOpen()).isNull();
        assertThat(probe.calls).isEmpty();
    }

    @Test
    void theSpecNamesTheKeyVariableAndNeverHoldsTheKey() {
        ServerDialogViewModel vm = vm();
        vm.modelProperty().set("gpt2-small.gguf");
        vm.keyEnvProperty().set("MY_KEY");
        String spec = vm.specToOpen();
        assertThat(spec).isEqualTo("server:http://127.0.0.1:8080?key_env=MY_KEY#gpt2-small.gguf");
        assertThat(spec).doesNotContain("sk-secret");
        ServerDialogViewModel again = vm();
        again.load(spec);
        assertThat(again.keyEnvProperty().get()).isEqualTo("MY_KEY");
    }

    @Test
    void openHandsTheSpecToTheModelLoader() {
        ServerDialogViewModel vm = vm();
        vm.baseUrlProperty().set("http://gpu-node:8000/v1");
        vm.apiProperty().set(ApiChoice.of(ServerFlavour.VLLM));
        vm.modelProperty().set("meta-llama/Llama-3.1-8B");
        List<String> opened = new ArrayList<>();
        assertThat(vm.open(opened::add)).isTrue();
        assertThat(opened)
                .containsExactly("server:vllm+http://gpu-node:8000#meta-llama/Llama-3.1-8B");
    }

    @Test
    void loadReadsAnEarlierSpecBack() {
        ServerDialogViewModel vm = vm();
        vm.load("server:ollama+http://h:11434#llama3:8b");
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://h:11434");
        assertThat(vm.modelProperty().get()).isEqualTo("llama3:8b");
        assertThat(vm.apiProperty().get()).isEqualTo(ApiChoice.of(ServerFlavour.OLLAMA));
        vm.load("bundled");
        assertThat(vm.baseUrlProperty().get()).isEqualTo("http://h:11434");
    }

    @Test
    void cancelInterruptsTheRequestAndDropsItsAnswer() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        ServerProbe hanging =
                new FakeProbe() {
                    @Override
                    public ConnectionVerdict test(ServerAddress address) {
                        started.countDown();
                        try {
                            new CountDownLatch(1).await();
                        } catch (InterruptedException e) {
                            interrupted.countDown();
                        }
                        return super.test(address); // a late answer that must be dropped
                    }
                };
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            ServerDialogViewModel vm =
                    new ServerDialogViewModel(hanging, env::get, background, Runnable::run);
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
