package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.samplinglab.engine.tokenizer.BpeModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TokenizerJsonWriterTest {

    @TempDir static Path dir;

    private static BpeModel model;
    private static Path file;
    private static HuggingFaceTokenizer djl;

    @BeforeAll
    static void trainAndLoad() throws IOException {
        model = BpeTrainer.train(SyntheticCorpus.words(20_000, 11), 512);
        file = dir.resolve("out/tokenizer.json");
        model.writeTokenizerJson(file);
        djl = load(file);
    }

    @AfterAll
    static void close() {
        djl.close();
    }

    private static HuggingFaceTokenizer load(Path path) throws IOException {
        return HuggingFaceTokenizer.builder()
                .optTokenizerPath(path)
                .optAddSpecialTokens(false)
                .optTruncation(false)
                .build();
    }

    static Stream<String> trickyTexts() {
        return Stream.of(
                "",
                "the king",
                "  two  spaces   three",
                "tab\tand\nnewline\r\nend",
                "\n\n\n",
                " leading and trailing ",
                "emoji 😀👍🏽 family 👨‍👩‍👧",
                "日本語のテキスト",
                "Ελληνικά и кириллица",
                "العربية עברית",
                "numbers 123 4567 3.14",
                "it's don't we'll I'd they've 'S",
                "nbsp\u00a0ideographic\u3000next-line\u0085",
                "controls \u0000\u001c\u001f\u007f",
                "combining e\u0301 vs é",
                "unknown to the vocab: qzxj ЖЩ ﷽",
                SyntheticCorpus.words(2_000, 99));
    }

    @ParameterizedTest
    @MethodSource("trickyTexts")
    void djlRoundTripsExactly(String text) {
        long[] ids = djl.encode(text).getIds();

        assertThat(djl.decode(ids)).isEqualTo(text);
    }

    @ParameterizedTest
    @MethodSource("trickyTexts")
    void djlIdsEqualThePureJavaEncoder(String text) {
        long[] djlIds = djl.encode(text).getIds();
        int[] ours = model.encoder().encode(text);

        assertThat(djlIds).containsExactly(Arrays.stream(ours).asLongStream().toArray());
        assertThat(model.encoder().decode(ours)).isEqualTo(text);
    }

    @Test
    void endOfTextIsOneSpecialToken() {
        long[] ids = djl.encode("to be" + BpeModel.EOS + "or not").getIds();

        assertThat(ids).contains((long) model.eosId());
        assertThat(djl.encode(BpeModel.EOS).getIds()).containsExactly(model.eosId());
        assertThat(djl.decode(ids, false)).isEqualTo("to be" + BpeModel.EOS + "or not");
        assertThat(djl.decode(ids, true)).isEqualTo("to beor not");
        assertThat(model.encoder().encode("to be" + BpeModel.EOS + "or not"))
                .containsExactly(Arrays.stream(ids).mapToInt(i -> (int) i).toArray());
    }

    @Test
    void layoutFollowsGpt2() throws IOException {
        JsonObject json =
                JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                        .getAsJsonObject();
        JsonObject bpe = json.getAsJsonObject("model");
        JsonObject pre = json.getAsJsonObject("pre_tokenizer");
        JsonObject eos = json.getAsJsonArray("added_tokens").get(0).getAsJsonObject();

        assertThat(bpe.get("type").getAsString()).isEqualTo("BPE");
        assertThat(bpe.getAsJsonObject("vocab").size()).isEqualTo(512);
        assertThat(bpe.getAsJsonObject("vocab").get(BpeModel.EOS).getAsInt()).isEqualTo(511);
        assertThat(bpe.getAsJsonArray("merges")).hasSize(model.merges().size());
        assertThat(pre.get("type").getAsString()).isEqualTo("ByteLevel");
        assertThat(pre.get("add_prefix_space").getAsBoolean()).isFalse();
        assertThat(pre.get("use_regex").getAsBoolean()).isTrue();
        assertThat(json.getAsJsonObject("decoder").get("type").getAsString())
                .isEqualTo("ByteLevel");
        assertThat(eos.get("content").getAsString()).isEqualTo(BpeModel.EOS);
        assertThat(eos.get("id").getAsInt()).isEqualTo(511);
        assertThat(eos.get("special").getAsBoolean()).isTrue();
    }

    @Test
    void longTextIsNotTruncated() {
        String text = SyntheticCorpus.words(3_000, 5);

        assertThat(djl.encode(text).getIds().length).isGreaterThan(1_000);
        assertThat(djl.decode(djl.encode(text).getIds())).isEqualTo(text);
    }

    @Test
    void overwritesAtomicallyWithoutLeavingTempFiles() throws IOException {
        Path target = dir.resolve("again/tokenizer.json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, "old");

        model.writeTokenizerJson(target);

        try (Stream<Path> files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
        try (HuggingFaceTokenizer reloaded = load(target)) {
            assertThat(reloaded.encode("sweet love").getIds())
                    .containsExactly(djl.encode("sweet love").getIds());
        }
    }

    @Test
    void unwritableTargetFailsWithIoException() throws IOException {
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file, not a folder");

        assertThatThrownBy(() -> model.writeTokenizerJson(blocker.resolve("tokenizer.json")))
                .isInstanceOf(IOException.class);
    }
}
