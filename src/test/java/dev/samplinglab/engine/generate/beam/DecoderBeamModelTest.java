package dev.samplinglab.engine.generate.beam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.generate.RandomModels;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.ModelConfig;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Beam search on the real decoder: greedy equivalence, cache parity, no recomputed prefix. */
class DecoderBeamModelTest {
    private static final ModelConfig SMALL = new ModelConfig(2, 2, 32, 64, 97, 1e-5, 96, 96);

    @Test
    void oneBeamIsGreedyOnTheBundledModel() {
        try (LanguageModel lm = ModelSpec.parse("bundled").open();
                DecodeSession greedy = new DecodeSession(lm, "ROMEO:", 0)) {
            int[] prompt = lm.tokenizer().encode("ROMEO:");
            SamplingPipeline argmax = SamplingPipeline.of(SamplingSettings.greedyDecoding());
            int steps = 24;
            for (int i = 0; i < steps; i++) {
                greedy.step(argmax);
            }
            // early_stopping=true: one finished hypothesis ends the search, as greedy ends on EOS
            BeamSettings s = BeamSettings.of(1, steps).withEarlyStopping(EarlyStopping.TRUE);
            try (BeamDecoding beam =
                    new BeamDecoding(
                            new DecoderBeamModel(lm.model(), true),
                            s,
                            prompt,
                            new int[] {lm.eosId()},
                            lm.summary().context())) {
                List<Hypothesis> best = beam.run(() -> false);
                assertThat(best.get(0).tokens()).containsExactly(greedy.generatedTokens());
            }
        }
    }

    @Test
    void cachedBeamScoresEqualUncachedOnes() {
        try (GptModel model = GptModel.random(SMALL, 3)) {
            BeamSettings s = BeamSettings.of(3, 10).withLengthPenalty(0.7);
            int[] prompt = {5, 17, 42};
            List<BeamStep> cached = run(new DecoderBeamModel(model, true), s, prompt);
            List<BeamStep> uncached = run(new DecoderBeamModel(model, false), s, prompt);
            assertThat(cached).hasSameSizeAs(uncached);
            for (int i = 0; i < cached.size(); i++) {
                List<Beam> a = cached.get(i).beams();
                List<Beam> b = uncached.get(i).beams();
                for (int r = 0; r < a.size(); r++) {
                    assertThat(a.get(r).tokens()).containsExactly(b.get(r).tokens());
                    assertThat(a.get(r).score())
                            .as("step %d beam %d", i, r)
                            .isCloseTo(b.get(r).score(), within(1e-4));
                }
            }
        }
    }

    @Test
    void fourBeamsOnTheTinyShapesReorderCachesWithoutRecomputing() {
        try (GptModel model = GptModel.random(RandomModels.GPT_TINY, 0)) {
            assertFedOnceEach(model, 12);
        }
    }

    @Test
    @Tag("slow")
    void fourBeamsOnGpt2SmallReorderCachesWithoutRecomputing() {
        try (GptModel model = GptModel.random(RandomModels.GPT2_SMALL, 0)) {
            assertFedOnceEach(model, 8);
        }
    }

    /**
     * One forward call for the prompt (4 rows) and one per further step (one token per row): every
     * position is computed exactly once per beam, though beams are reselected at every step.
     */
    private static void assertFedOnceEach(GptModel model, int steps) {
        int[] prompt = {11, 22, 33, 44, 55};
        DecoderBeamModel counting = new DecoderBeamModel(model, true);
        BeamSettings s = BeamSettings.of(4, steps).withEarlyStopping(EarlyStopping.NEVER);
        List<BeamStep> history = run(counting, s, prompt);
        assertThat(history).hasSize(steps);
        boolean reselected =
                history.stream()
                        .anyMatch(
                                st -> {
                                    int[] p = st.parents();
                                    for (int i = 0; i < p.length; i++) {
                                        if (p[i] != i) {
                                            return true;
                                        }
                                    }
                                    return false;
                                });
        assertThat(reselected).as("some step reselected beams").isTrue();
        // the last step ends the search, so its rows are not advanced
        assertThat(counting.forwardCalls()).isEqualTo(1 + (steps - 1));
        assertThat(counting.positionsComputed()).isEqualTo(4L * prompt.length + 4L * (steps - 1));
    }

    private static List<BeamStep> run(BeamModel model, BeamSettings s, int[] prompt) {
        try (BeamDecoding d = new BeamDecoding(model, s, prompt, new int[0], 1024)) {
            d.run(() -> false);
            return d.history();
        }
    }
}
