package dev.samplinglab.app.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samplinglab.engine.BadInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LessonArgsTest {

    @Test
    void theLessonFlagOpensTheAppWithItsFile() {
        assertThat(LessonArgs.opensApp("--lesson", "a.lesson.json")).isTrue();
        assertThat(LessonArgs.opensApp("--lesson=a.lesson.json")).isTrue();
        assertThat(LessonArgs.opensApp("generate", "--lesson")).isFalse();
        assertThat(LessonArgs.opensApp()).isFalse();
        assertThat(LessonArgs.lesson(List.of("--lesson", "x/a.lesson.json")))
                .contains(Path.of("x/a.lesson.json"));
        assertThat(LessonArgs.lesson(List.of("--lesson=b.json"))).contains(Path.of("b.json"));
        assertThat(LessonArgs.lesson(List.of())).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--lesson|--lesson needs a file",
                "--lesson=|--lesson needs a file",
                "--lesson a b|the app takes only --lesson FILE",
                "--zoom 2|the app takes only --lesson FILE"
            })
    void badUseIsOneLine(String args, String words) {
        assertThatThrownBy(() -> LessonArgs.lesson(List.of(args.split(" "))))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(words);
    }
}
