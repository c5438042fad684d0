package dev.samplinglab.engine.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.lesson.LessonException.Kind;
import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LessonJsonTest {
    private static final String SHA =
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    static Lesson sample() {
        SamplingSettings custom =
                SamplingSettings.builder()
                        .temperature(0.7)
                        .topK(40)
                        .topP(0.9)
                        .topPRule(TopPRule.CUMSUM_LE_P)
                        .minP(0.05)
                        .repetitionPenalty(1.1)
                        .penaltyWindow(64)
                        .order(ChainOrder.LLAMA_CPP)
                        .build();
        return new Lesson(
                Lesson.CURRENT_VERSION,
                new ModelReference(
                        "bundled:tiny-shakespeare",
                        List.of(new WeightsFile("model.safetensors", 3, SHA))),
                Prompt.chat("Be brief.", "ROMEO: \"hi\"\n"),
                -42L,
                custom,
                List.of(
                        new LessonStep(5, " the", false, Preset.GENERAL.settings()),
                        new LessonStep(77, "é", true, custom)),
                1,
                30,
                new CompareLesson(
                        false,
                        List.of(Preset.GREEDY.settings(), custom, Preset.CREATIVE.settings()),
                        2,
                        new CompareLesson.BeamColumnLesson(3, 0.5)),
                "compare");
    }

    @Test
    void aLessonReadsBackEqual() {
        Lesson lesson = sample();
        assertThat(LessonJson.parse(LessonJson.toJson(lesson), "x.lesson.json")).isEqualTo(lesson);
    }

    @Test
    void withoutCompareTheKeyIsAbsentAndReadsBackNull() {
        Lesson s = sample();
        Lesson lesson =
                new Lesson(
                        s.version(),
                        s.model(),
                        Prompt.plain("a"),
                        0,
                        s.strategy(),
                        List.of(),
                        -1,
                        25,
                        null,
                        "step");
        String json = LessonJson.toJson(lesson);
        assertThat(json).doesNotContain("\"compare\"");
        assertThat(LessonJson.parse(json, "x")).isEqualTo(lesson);
    }

    @Test
    void savesAtomicallyAndLoads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("a.lesson.json");
        LessonJson.save(file, sample());
        assertThat(LessonJson.load(file)).isEqualTo(sample());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    /** Each broken file: its kind and words of its one-line message. */
    static Stream<Arguments> brokenFiles() {
        String good = LessonJson.toJson(sample());
        return Stream.of(
                Arguments.of(
                        "truncated",
                        good.substring(0, good.length() / 2),
                        Kind.TRUNCATED,
                        "is truncated"),
                Arguments.of(
                        "cut after a key",
                        good.substring(0, good.indexOf("\"seed\"") + 7),
                        Kind.TRUNCATED,
                        "is truncated"),
                Arguments.of("empty", "", Kind.TRUNCATED, "is empty"),
                Arguments.of("not JSON", "<html>", Kind.DAMAGED, "is damaged"),
                Arguments.of("trailing text", good + "}", Kind.DAMAGED, "is damaged"),
                Arguments.of(
                        "not a lesson",
                        "{\"model\": \"bundled\"}",
                        Kind.DAMAGED,
                        "not a Sampling Lab lesson"),
                Arguments.of(
                        "newer version",
                        good.replace("\"version\": 1", "\"version\": 7"),
                        Kind.NEWER_VERSION,
                        "lesson format 7; this version reads up to 1"),
                Arguments.of(
                        "version a string",
                        good.replace("\"version\": 1", "\"version\": \"1\""),
                        Kind.DAMAGED,
                        "key 'version' must be an integer"),
                Arguments.of(
                        "seed a fraction",
                        good.replace("\"seed\": -42", "\"seed\": 0.5"),
                        Kind.DAMAGED,
                        "key 'seed'"),
                Arguments.of(
                        "no model",
                        good.replace("\"model\"", "\"modelx\""),
                        Kind.DAMAGED,
                        "key 'model' is missing"),
                Arguments.of("bad hash", good.replace(SHA, "abc"), Kind.DAMAGED, "sha256"),
                Arguments.of(
                        "bad top-p",
                        good.replaceFirst("\"top_p\": 0.9", "\"top_p\": 1.5"),
                        Kind.DAMAGED,
                        "key 'top_p'"),
                Arguments.of(
                        "bad stage",
                        good.replaceFirst("\"top_k\",", "\"top_kk\","),
                        Kind.DAMAGED,
                        "unknown stage 'top_kk'"),
                Arguments.of(
                        "selected step out of range",
                        good.replace("\"selected_step\": 1", "\"selected_step\": 2"),
                        Kind.DAMAGED,
                        "selected_step"),
                Arguments.of(
                        "one compare column",
                        good.replaceFirst(
                                "(?s)\"columns\": \\[.*?\\],\\s*\"steps\": 2",
                                "\"columns\": [], \"steps\": 2"),
                        Kind.DAMAGED,
                        "2 to 4"),
                Arguments.of(
                        "bad prompt mode",
                        good.replace("\"mode\": \"chat\"", "\"mode\": \"voice\""),
                        Kind.DAMAGED,
                        "plain or chat"),
                Arguments.of(
                        "negative token",
                        good.replace("\"token\": 77", "\"token\": -1"),
                        Kind.DAMAGED,
                        "steps[1]: key 'token'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileGivesOneLineNamingTheProblem(String why, String text, Kind kind, String words) {
        assertThatThrownBy(() -> LessonJson.parse(text, "class.lesson.json"))
                .isInstanceOfSatisfying(
                        LessonException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(kind);
                            assertThat(e.getMessage())
                                    .startsWith("class.lesson.json")
                                    .contains(words)
                                    .doesNotContain("\n");
                        });
    }

    @Test
    void unreadableFilesSaySo(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> LessonJson.load(dir.resolve("none.lesson.json")))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> LessonJson.load(dir)).hasMessageContaining("is a folder");
        Path latin1 = dir.resolve("l.lesson.json");
        Files.write(latin1, "{\"format\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> LessonJson.load(latin1)).hasMessageContaining("not UTF-8");
    }
}
