package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GuessTextTest {

    @ParameterizedTest(name = "[{0}] after [{1}] is [{2}]")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "you|I love|` you`",
                "You|I love|` You`",
                "42|page|` 42`",
                "you|ROMEO:|` you`",
                "you|Hello,|` you`",
                "you|`I love `|you",
                "you|(|you",
                "you|``|you",
                "!|I love|!",
                "'s|John|'s",
                "\"eo\"|Rom|eo",
                "\" you\"|I love|` you`",
                "you   |I love|` you`",
                "␣|x|` `",
                "`   `|x|``",
                "\\n|ROMEO:|`\n`",
                "↵|ROMEO:|`\n`",
                "␣you|I love|` you`",
                "\\t|x|`\t`",
            })
    void readsAGuessAsTheTextThatFollows(String typed, String context, String text) {
        assertThat(GuessText.resolve(typed, context)).isEqualTo(text);
    }
}
