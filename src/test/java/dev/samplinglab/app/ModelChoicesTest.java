package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.step.ModelChoice;
import org.junit.jupiter.api.Test;

/** The picker says what the random-weight models are for, so their gibberish is expected. */
class ModelChoicesTest {

    @Test
    void randomModelsSayWhatTheyAreFor() {
        var choices = SamplingLabApp.modelChoices();
        for (String spec : new String[] {"random:tiny", "random:gpt2-small"}) {
            ModelChoice c =
                    choices.stream().filter(m -> m.spec().equals(spec)).findFirst().orElseThrow();
            assertThat(c.detail()).contains("timing").contains("gibberish").contains("<0x93>");
        }
        assertThat(choices).anyMatch(m -> m.isHeader() && m.label().startsWith("Random weights"));
    }
}
