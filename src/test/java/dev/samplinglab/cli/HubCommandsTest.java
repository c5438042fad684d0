package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.hub.FakeHub;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.HubFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code download} and {@code models} against the loopback hub, with a temporary cache. */
class HubCommandsTest {
    @TempDir Path cache;
    private FakeHub hub;
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub();
        hub.add("test-org/tiny-gpt2", HubFixtures.gpt2Repo(20_000));
        hub.add(
                "google-t5/t5-small",
                Map.of(
                        "config.json", HubFixtures.config("t5"),
                        "tokenizer.json", HubFixtures.text("{}"),
                        "model.safetensors",
                                HubFixtures.safetensors(
                                        100, dev.samplinglab.engine.model.DType.F32)));
        set("HF_HUB_CACHE", cache.toString());
        set("HF_ENDPOINT", hub.endpoint());
        set("HF_HUB_OFFLINE", "0");
    }

    @AfterEach
    void stop() {
        hub.close();
        saved.forEach(
                (k, v) -> {
                    if (v == null) {
                        System.clearProperty(k);
                    } else {
                        System.setProperty(k, v);
                    }
                });
    }

    private void set(String name, String value) {
        String key = HubEnvironment.PROPERTY_PREFIX + name;
        saved.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }

    @Test
    void downloadDrawsProgressAndSaysWhereTheModelIs() {
        CliRun run = CliRun.of("download", "test-org/tiny-gpt2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("model.safetensors").contains("100%").contains("/s");
        assertThat(run.out()).contains("test-org/tiny-gpt2").contains("--model test-org/tiny-gpt2");
        assertThat(cache.resolve("models--test-org--tiny-gpt2/refs/main")).exists();
    }

    @Test
    void cacheDirOptionWins(@TempDir Path other) {
        CliRun run = CliRun.of("download", "test-org/tiny-gpt2", "--cache-dir", other.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(other.resolve("models--test-org--tiny-gpt2/refs/main")).exists();
        assertThat(cache.resolve("models--test-org--tiny-gpt2")).doesNotExist();
    }

    @Test
    void errorsAreOneLineWithExitTwo() {
        hub.gatedToken = "secret";

        CliRun run = CliRun.of("download", "test-org/tiny-gpt2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("error: ")
                .contains("accept the licence")
                .doesNotContain("\n");
    }

    @Test
    void badRepoIdIsBadInput() {
        CliRun run = CliRun.of("download", "not a repo");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a repository id");
    }

    @Test
    void offlineRefusesToDownload() {
        set("HF_HUB_OFFLINE", "1");

        CliRun run = CliRun.of("download", "test-org/tiny-gpt2");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("HF_HUB_OFFLINE");
        assertThat(hub.requests.get()).isZero();
    }

    @Test
    void modelsListsWhatIsCachedAndWhetherItOpens() {
        CliRun.of("download", "test-org/tiny-gpt2");
        CliRun.of("download", "google-t5/t5-small");

        CliRun table = CliRun.of("models");
        CliRun json = CliRun.of("models", "--json");

        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out())
                .contains("test-org/tiny-gpt2")
                .contains("gpt2 · 20k params · F32")
                .contains("opens");
        assertThat(table.out())
                .contains("does not open: model_type t5 is not a decoder this app runs");
        JsonArray arr = JsonParser.parseString(json.out()).getAsJsonArray();
        assertThat(arr).hasSize(2);
        JsonObject t5 = arr.get(0).getAsJsonObject();
        assertThat(t5.get("repo").getAsString()).isEqualTo("google-t5/t5-small");
        assertThat(t5.get("opens").getAsBoolean()).isFalse();
        JsonObject gpt2 = arr.get(1).getAsJsonObject();
        assertThat(gpt2.get("opens").getAsBoolean()).isTrue();
        assertThat(gpt2.get("parameters").getAsLong()).isEqualTo(20_000);
        assertThat(gpt2.get("refs").getAsJsonArray().get(0).getAsString()).isEqualTo("main");
        assertThat(Path.of(gpt2.get("path").getAsString())).isDirectory();
    }

    @Test
    void generateOpensADownloadedRepositoryByItsIdWithoutTheNetwork() throws IOException {
        Map<String, byte[]> files =
                dev.samplinglab.engine.generate.HubSpecTestAccess.gpt2Files(cache.resolve("src"));
        dev.samplinglab.engine.hub.HubFixtures.writeSnapshot(
                cache, "test-org/real", "c".repeat(40), files, true);
        int before = hub.requests.get();

        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        "test-org/real",
                        "--prompt",
                        "the",
                        "--max-new-tokens",
                        "3",
                        "--greedy",
                        "--json");
        CliRun missing = CliRun.of("generate", "--model", "test-org/absent", "--prompt", "the");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err())
                .contains("test-org/absent is not a folder, nor a model in the Hugging Face cache");
        assertThat(hub.requests.get()).isEqualTo(before);
    }

    @Test
    void modelsOnAnEmptyCacheSaysHowToGetOne() throws IOException {
        Files.createDirectories(cache);

        CliRun run = CliRun.of("models");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("no models in")
                .contains("download HuggingFaceTB/SmolLM2-135M");
    }
}
