package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.hub.HubEnvironment;
import dev.samplinglab.engine.hub.HubFixtures;
import dev.samplinglab.engine.model.DType;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.model.WeightLoader;
import dev.samplinglab.engine.train.BpeTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --model ORG/NAME}: resolved from the hub cache (never the network), refs and revisions.
 */
class HubSpecTest {
    private static final String MAIN = "a".repeat(40);
    private static final String OLD = "b".repeat(40);

    @TempDir Path cache;
    private HubEnvironment env;

    @BeforeEach
    void fixture() throws IOException {
        Map<String, byte[]> files = gpt2Files(cache.resolve("src"));
        HubFixtures.writeSnapshot(cache, "test-org/tiny", MAIN, files, true);
        HubFixtures.writeSnapshot(cache, "test-org/tiny", OLD, files, false);
        Files.writeString(cache.resolve("models--test-org--tiny/refs/main"), MAIN);
        Files.createDirectories(cache.resolve("models--test-org--tiny/refs"));
        Files.writeString(cache.resolve("models--test-org--tiny/refs/v1"), OLD);
        HubFixtures.writeSnapshot(
                cache, "google-t5/t5-small", MAIN, HubFixtures.model("t5", 10), true);
        // the endpoint is a closed port: any network use would fail the test
        env =
                HubEnvironment.of(
                        Map.of(
                                "HF_HUB_CACHE",
                                cache.toString(),
                                "HF_ENDPOINT",
                                "http://127.0.0.1:9"),
                        cache);
    }

    private Optional<ModelSpec> parse(String text) {
        return HubSpec.parse(text, () -> env);
    }

    @Test
    void aRepositoryIdOpensItsMainSnapshotUnderItsName() {
        ModelSpec spec = parse("test-org/tiny").orElseThrow();
        try (LanguageModel lm = spec.open()) {
            assertThat(lm.name()).isEqualTo("test-org/tiny");
            assertThat(lm.tokenizer().encode("the cat")).isNotEmpty();
        }
        assertThat(((HubSpec) spec).resolve())
                .isEqualTo(cache.resolve("models--test-org--tiny/snapshots/" + MAIN));
    }

    @ParameterizedTest
    @CsvSource({
        "test-org/tiny@v1, bbbb",
        "test-org/tiny@main, aaaa",
        "test-org/tiny@bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb, bbbb"
    })
    void aRevisionPicksItsSnapshot(String text, String prefix) {
        Path dir = ((HubSpec) parse(text).orElseThrow()).resolve();

        assertThat(dir.getFileName().toString()).startsWith(prefix);
    }

    @Test
    void aRepositoryNotInTheCacheIsBadInputThatSaysHowToGetIt() {
        ModelSpec spec = parse("HuggingFaceTB/SmolLM2-135M").orElseThrow();

        assertThatThrownBy(spec::open)
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(
                        "HuggingFaceTB/SmolLM2-135M is not a folder, nor a model in the Hugging Face cache (")
                .hasMessageEndingWith(
                        "get it with `download HuggingFaceTB/SmolLM2-135M` or the app's Get a model…");
    }

    @Test
    void aCachedModelThatDoesNotOpenSaysWhy() {
        assertThatThrownBy(() -> parse("google-t5/t5-small").orElseThrow().open())
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(
                        "does not open: model_type t5 is not a decoder this app runs");
    }

    @ParameterizedTest
    @CsvSource({"gpt2", "random:tiny", "bundled", "a/b/c", "/abs/path", "'org/name@'"})
    void otherTextsAreNotRepositoryIds(String text) {
        assertThat(parse(text)).isEmpty();
    }

    @Test
    void anExistingFolderWinsOverTheId() throws IOException {
        Path rel = Path.of("target", "hubspec-folder");
        Files.createDirectories(rel.resolve("tiny"));
        try {
            assertThat(parse("target/hubspec-folder")).isEmpty();
        } finally {
            Files.delete(rel.resolve("tiny"));
            Files.delete(rel);
        }
    }

    @Test
    void modelSpecParseKnowsTheForm() {
        assertThat(ModelSpec.parse("test-org/tiny")).isInstanceOf(HubSpec.class);
        assertThat(ModelSpec.usage()).contains("ORG/NAME[@REVISION]");
    }

    /** A valid tiny GPT-2 folder's files (BPE tokenizer, 1 layer). */
    static Map<String, byte[]> gpt2Files(Path dir) throws IOException {
        Files.createDirectories(dir);
        var bpe =
                BpeTrainer.train(
                        "the cat sat on the mat; the dog sat on the log.\n".repeat(30), 290);
        bpe.writeTokenizerJson(dir.resolve("tokenizer.json"));
        int v = bpe.vocabSize();
        ModelConfig c = new ModelConfig(1, 2, 8, 64, v, 1e-5, v - 1, v - 1);
        try (GptModel g = GptModel.random(c, 1)) {
            WeightLoader.save(g.weights(), c, dir.resolve("model.safetensors"), DType.F32);
        }
        Files.writeString(dir.resolve("config.json"), c.toJson().toString());
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String f : new String[] {"config.json", "tokenizer.json", "model.safetensors"}) {
            files.put(f, Files.readAllBytes(dir.resolve(f)));
        }
        return files;
    }
}
