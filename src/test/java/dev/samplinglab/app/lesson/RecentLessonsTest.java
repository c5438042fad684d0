package dev.samplinglab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecentLessonsTest {
    @TempDir Path dir;

    @Test
    void newestFirstWithoutRepeatsAndAtMostEight() throws Exception {
        RecentLessons recent = new RecentLessons(dir);
        for (int i = 0; i < 10; i++) {
            recent.add(dir.resolve("l" + i + ".lesson.json"));
        }
        recent.add(dir.resolve("l5.lesson.json"));
        assertThat(recent.list())
                .hasSize(RecentLessons.MAX)
                .startsWith(dir.resolve("l5.lesson.json"), dir.resolve("l9.lesson.json"))
                .doesNotHaveDuplicates()
                .doesNotContain(dir.resolve("l0.lesson.json"), dir.resolve("l1.lesson.json"));
        recent.remove(dir.resolve("l9.lesson.json"));
        assertThat(recent.list()).doesNotContain(dir.resolve("l9.lesson.json"));
        assertThat(new RecentLessons(dir).list()).hasSize(RecentLessons.MAX - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\": 1}", "[1, [2]]", "\u0000garbage"})
    void aDamagedListIsEmptyAndIsRewrittenOnTheNextAdd(String text) throws Exception {
        Files.writeString(dir.resolve(RecentLessons.FILE_NAME), text);
        RecentLessons recent = new RecentLessons(dir);
        assertThat(recent.list()).allSatisfy(p -> assertThat(p.toString()).isNotEmpty());
        recent.add(dir.resolve("a.lesson.json"));
        assertThat(recent.list()).startsWith(dir.resolve("a.lesson.json"));
    }
}
