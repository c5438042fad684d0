package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CacheLabTest {
    static LanguageModel lm;

    @BeforeAll
    static void open() {
        lm = TestModels.tiny(64, 5);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    @Test
    void cachedAndUncachedLogitsAgreeAtEveryPosition() {
        List<CacheLab.Sample> samples = new ArrayList<>();
        int[] prefill = new int[1];
        CacheLab.Result r =
                new CacheLab(lm.model())
                        .run(
                                new CacheLab.Options(new int[] {1, 2, 3}, 20, true),
                                new CacheLab.Listener() {
                                    @Override
                                    public void prefilled(int length, double ms, long bytes) {
                                        prefill[0] = length;
                                    }

                                    @Override
                                    public void decoded(CacheLab.Sample s) {
                                        samples.add(s);
                                    }
                                },
                                () -> false);
        assertThat(prefill[0]).isEqualTo(3);
        assertThat(r.cancelled()).isFalse();
        assertThat(r.steps()).isEqualTo(17);
        assertThat(r.tokens()).hasSize(20).startsWith(1, 2, 3);
        assertThat(r.maxAbsDiff()).isLessThanOrEqualTo(1e-4);
        assertThat(samples).hasSize(17);
        CacheLab.Sample last = samples.get(16);
        assertThat(last.position()).isEqualTo(19);
        assertThat(last.cacheLength()).isEqualTo(20);
        // 2 layers, width 16: 2 * 2 * 20 * 16 * 4
        assertThat(last.cacheBytes()).isEqualTo(5120).isEqualTo(CacheLab.cacheBytes(2, 20, 2, 8));
        assertThat(samples).allSatisfy(s -> assertThat(s.uncachedMillis()).isPositive());
    }

    @Test
    void greedyTokensMatchTheDecodeSession() {
        CacheLab.Result r =
                new CacheLab(lm.model())
                        .run(
                                new CacheLab.Options(new int[] {7}, 10, false),
                                new CacheLab.Listener() {},
                                () -> false);
        assertThat(r.uncachedMillis()).isEmpty();
        assertThat(r.maxAbsDiff()).isNaN();
        assertThat(r.speedup()).isNaN();
        int[] expected = new int[10];
        expected[0] = 7;
        try (var cache = lm.model().newCache(1)) {
            float[] logits = lm.model().step(cache, 7);
            for (int i = 1; i < 10; i++) {
                expected[i] = RowSampler.greedy().pick(0, i, logits, expected);
                logits = lm.model().step(cache, expected[i]);
            }
        }
        assertThat(r.tokens()).containsExactly(expected);
    }

    @Test
    void stopsAtTheNextCheckWhenCancelled() {
        AtomicBoolean stop = new AtomicBoolean();
        List<CacheLab.Sample> samples = new ArrayList<>();
        CacheLab.Result r =
                new CacheLab(lm.model())
                        .run(
                                new CacheLab.Options(new int[] {1}, 60, true),
                                new CacheLab.Listener() {
                                    @Override
                                    public void decoded(CacheLab.Sample s) {
                                        samples.add(s);
                                        if (samples.size() == 5) {
                                            stop.set(true);
                                        }
                                    }
                                },
                                stop::get);
        assertThat(r.cancelled()).isTrue();
        assertThat(r.steps()).isEqualTo(5);
        assertThat(samples).hasSize(5);
        assertThat(r.tokens()).hasSize(6);
    }

    @Test
    void refusesMorePositionsThanTheContext() {
        assertThatThrownBy(
                        () ->
                                new CacheLab(lm.model())
                                        .run(
                                                new CacheLab.Options(new int[] {1}, 65, false),
                                                new CacheLab.Listener() {},
                                                () -> false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("context of 64");
        assertThatThrownBy(() -> new CacheLab.Options(new int[] {1, 2}, 2, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
