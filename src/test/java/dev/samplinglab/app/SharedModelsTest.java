package dev.samplinglab.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The step window and the lab tabs hold one instance of a model per spec (issue 6). */
class SharedModelsTest {
    private final List<String> opened = new ArrayList<>();
    private final SharedModels pool =
            new SharedModels(
                    spec -> {
                        opened.add(spec);
                        return LanguageModel.open(spec);
                    });

    @Test
    void aSpecIsOpenedOnceAndClosedByItsLastUser() {
        LanguageModel step = pool.open("random:tiny");
        LanguageModel compare = pool.open("random:tiny");
        assertThat(compare).isSameAs(step);
        assertThat(opened).containsExactly("random:tiny");
        assertThat(pool.users("random:tiny")).isEqualTo(2);

        pool.release(step);
        assertThat(pool.users("random:tiny")).isEqualTo(1);
        // still usable by the remaining user
        try (DecodeSession s = new DecodeSession(compare, "a b", 0)) {
            s.step(SamplingPipeline.of(SamplingSettings.neutral()));
            assertThat(s.history()).hasSize(1);
        }
        pool.release(compare);
        assertThat(pool.users("random:tiny")).isZero();

        LanguageModel again = pool.open("random:tiny");
        assertThat(again).isNotSameAs(step);
        assertThat(opened).containsExactly("random:tiny", "random:tiny");
        pool.release(again);
    }

    @Test
    void engineModelsLendTheirOpenModelsToTheLabTabs() throws Exception {
        EngineModels engine = new EngineModels();
        var handle = engine.open("random:tiny", p -> {});
        LanguageModel lab = engine.shared().open("random:tiny");
        assertThat(engine.shared().users("random:tiny")).isEqualTo(2);
        handle.close();
        assertThat(engine.shared().users("random:tiny")).isEqualTo(1);
        engine.shared().release(lab);
        assertThat(engine.shared().users("random:tiny")).isZero();
    }

    @Test
    void whenTwoLoadsRaceTheFirstRegisteredModelIsSharedAndTheOtherClosed() {
        LanguageModel[] other = new LanguageModel[1];
        SharedModels[] racing = new SharedModels[1];
        boolean[] raced = {false};
        racing[0] =
                new SharedModels(
                        spec -> {
                            if (!raced[0]) {
                                raced[0] = true;
                                // another thread finishes the same load while this one is loading
                                other[0] = racing[0].open(spec);
                            }
                            return LanguageModel.open(spec);
                        });
        LanguageModel lm = racing[0].open("random:tiny");
        assertThat(lm).isSameAs(other[0]);
        assertThat(racing[0].users("random:tiny")).isEqualTo(2);
        racing[0].release(lm);
        racing[0].release(lm);
        assertThat(racing[0].users("random:tiny")).isZero();
    }
}
