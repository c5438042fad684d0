package dev.samplinglab.engine.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void inALogFileTheStartAndEachTenthAreOneFullLineEach() {
        ProgressLine line = new ProgressLine(out, false);
        for (int i = 1; i <= 100; i++) {
            line.update("train", i / 100.0, "step " + i);
        }
        line.finish();
        assertThat(text()).doesNotContain("\r");
        assertThat(text().lines()).hasSize(11);
        assertThat(text().lines().toList().get(0)).endsWith("  1% step 1");
        assertThat(text().lines().toList().get(10))
                .isEqualTo("train                        [########################] 100% step 100");
    }

    @Test
    void aNewLabelStartsItsOwnTenths() {
        ProgressLine line = new ProgressLine(out, false);
        line.update("cached 64", 0.05, "a");
        line.update("cached 64", 0.06, "b");
        line.update("uncached 64", 0.05, "c");
        assertThat(text().lines()).hasSize(2);
    }

    @Test
    void onATerminalItRedrawsInPlaceAndNotesKeepTheirLine() {
        ProgressLine line = new ProgressLine(out, true);
        line.update("download", 0.5, "1 MB");
        line.note("checkpoint: step 5");
        line.update("download", 1.0, "2 MB");
        line.finish();
        assertThat(text())
                .isEqualTo(
                        "\rdownload                     [############            ]  50% 1 MB "
                                + "\rcheckpoint: step 5\n"
                                + "\rdownload                     [########################] 100% 2 MB \n");
    }

    @Test
    void clockIsHoursMinutesSeconds() {
        assertThat(ProgressLine.clock(3725)).isEqualTo("1:02:05");
        assertThat(ProgressLine.clock(-1)).isEqualTo("0:00:00");
    }
}
