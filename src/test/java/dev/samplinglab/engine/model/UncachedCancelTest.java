package dev.samplinglab.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The uncached forward asks its cancel check before every layer and stops when told to. */
class UncachedCancelTest {

    @Test
    void aCancelledPassReturnsNullAfterTheLayerItWasCancelledIn() {
        ModelConfig c = new ModelConfig(3, 2, 16, 32, 64, 1e-5, 63, 63);
        try (GptModel m = GptModel.random(c, 4)) {
            int[][] tokens = {{1, 2, 3, 4, 5}};
            float[][] plain = m.logitsUncached(tokens, null);
            AtomicInteger asked = new AtomicInteger();
            assertThat(m.logitsUncached(tokens, null, () -> asked.incrementAndGet() > 1)).isNull();
            assertThat(asked.get()).as("asked before layer 0 and 1, stopped at 1").isEqualTo(2);
            asked.set(0);
            float[][] never = m.logitsUncached(tokens, null, () -> asked.incrementAndGet() < 0);
            assertThat(asked.get()).as("asked once per layer").isEqualTo(3);
            assertThat(never).isDeepEqualTo(plain);
        }
    }
}
