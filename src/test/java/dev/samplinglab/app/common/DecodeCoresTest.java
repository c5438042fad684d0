package dev.samplinglab.app.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.samplinglab.engine.model.DecodeThreads;
import org.junit.jupiter.api.Test;

class DecodeCoresTest {

    @Test
    void aRunningLoopYieldsOneCoreUntilTheLastLoopStops() {
        DecodeThreads team = DecodeThreads.shared();
        assumeFalse(team.isFixed(), "samplinglab.decode.threads fixes the count");
        int all = team.maxThreads();
        int whileAnimating = Math.max(1, all - 1);
        DecodeCores.animating(true);
        assertThat(team.parallelism()).isEqualTo(whileAnimating);
        DecodeCores.animating(true); // the compare tab runs too
        DecodeCores.animating(false);
        assertThat(team.parallelism()).isEqualTo(whileAnimating);
        DecodeCores.animating(false);
        assertThat(team.parallelism()).isEqualTo(all);
    }
}
