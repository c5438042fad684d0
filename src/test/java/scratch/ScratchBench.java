package scratch;

import dev.samplinglab.engine.model.*;
import dev.samplinglab.engine.model.LlamaConfig.Family;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScratchBench {
    @Test
    void bench() {
        LlamaConfig c =
                new LlamaConfig(
                        Family.LLAMA,
                        576,
                        30,
                        9,
                        3,
                        64,
                        1536,
                        1e-5,
                        1e5,
                        RopeScaling.NONE,
                        8192,
                        true,
                        false,
                        49152,
                        0,
                        List.of(0));
        long t0 = System.nanoTime();
        try (LlamaModel m = LlamaModel.random(c, 0)) {
            System.out.printf(
                    "load %.1f s, bytes %d, per token %d%n",
                    (System.nanoTime() - t0) / 1e9,
                    m.summary().weightBytes(),
                    m.summary().bytesReadPerToken());
            for (int rep = 0; rep < 3; rep++) {
                try (KvCache cache = m.newCache(1)) {
                    m.step(cache, 1, 2, 3, 4);
                    long s = System.nanoTime();
                    int n = 64;
                    for (int i = 0; i < n; i++) m.step(cache, 5 + i);
                    double ms = (System.nanoTime() - s) / 1e6 / n;
                    System.out.printf("cached %.2f ms/token = %.1f tok/s%n", ms, 1000 / ms);
                }
            }
        }
    }
}
