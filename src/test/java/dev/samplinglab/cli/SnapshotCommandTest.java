package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input is refused with exit 2 before any window opens. */
class SnapshotCommandTest {
    @Test
    void refusesBadArguments() {
        assertThat(Main.run("snapshot", "--out", "x.txt")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run("snapshot", "--out", "x.png", "--steps", "-1"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run("snapshot", "--out", "x.png", "--width", "100"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run("snapshot")).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(Main.run("snapshot", "--out", "x.png", "--view", "charts"))
                .isEqualTo(Main.EXIT_BAD_INPUT);
    }
}
