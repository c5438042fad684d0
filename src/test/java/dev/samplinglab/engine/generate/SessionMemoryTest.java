package dev.samplinglab.engine.generate;

import static dev.samplinglab.cli.ProcessMemory.nativeMegabytes;
import static dev.samplinglab.cli.ProcessMemory.rssMegabytes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long session of stepping, going back and branching keeps native memory flat: the KV cache is
 * preallocated and every step's temporaries are closed by its scope. {@code
 * -Dsession.model=assets/models/tiny-shakespeare} runs it on a real model.
 */
class SessionMemoryTest {

    @Test
    void thousandActionsKeepMemoryBounded() throws Exception {
        String spec = System.getProperty("session.model");
        try (LanguageModel lm = spec == null ? TestModels.tiny(256, 8) : LanguageModel.open(spec);
                DecodeSession s = new DecodeSession(lm, "Once upon a time", 3)) {
            SamplingPipeline p =
                    SamplingPipeline.of(
                            SamplingSettings.builder().temperature(0.9).topP(0.95).build());
            Random rng = new Random(5);
            double at100 = 0;
            double rss100 = 0;
            for (int action = 1; action <= 1000; action++) {
                act(s, p, rng, action);
                if (action == 100) {
                    at100 = nativeMegabytes();
                    rss100 = rssMegabytes();
                }
                if (action % 100 == 0) {
                    // DJL's input buffers are direct ByteBuffers, freed when a GC runs: sample
                    // after one, as a running app's periodic GCs would.
                    nativeMegabytes();
                }
            }
            double at1000 = nativeMegabytes();
            double rss1000 = rssMegabytes();
            System.out.printf(
                    "session memory (%s): native %.1f MB at 100 actions, %.1f MB at 1000 (growth"
                            + " %.1f MB); RSS %.1f MB at 100, %.1f MB at 1000%n",
                    lm.name(), at100, at1000, at1000 - at100, rss100, rss1000);
            assertThat(at1000 - at100).isLessThan(50);
            assertThat(s.history())
                    .allSatisfy(
                            r -> {
                                if (r.index() < s.history().size() - 1) {
                                    assertThat(r.trace().full()).isNull();
                                }
                            });
        }
    }

    private static void act(DecodeSession s, SamplingPipeline p, Random rng, int action) {
        int steps = s.history().size();
        if (s.cacheLength() >= s.contextSize() - 1) {
            s.truncateTo(steps / 4);
        } else if (action % 50 == 0 && steps > 2) {
            s.branch(rng.nextInt(steps), rng.nextInt(256), p);
        } else if (action % 7 == 0 && steps > 0) {
            s.back();
        } else {
            s.step(p);
        }
    }
}
