package dev.samplinglab.engine.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchGeneratorTest {
    static LanguageModel lm;

    @BeforeAll
    static void open() {
        lm = TestModels.tiny(64, 3);
    }

    @AfterAll
    static void close() {
        lm.close();
    }

    static final List<String> PROMPTS = List.of("Hello", "a much longer prompt", "xy");

    @Test
    void batchRowsEqualTheSamePromptsRunAlone() {
        GenerationOptions opts = new GenerationOptions(8, List.of(), true);
        GenerationResult batch = run(PROMPTS, opts, RowSampler.greedy());
        for (int r = 0; r < PROMPTS.size(); r++) {
            GenerationResult alone = run(List.of(PROMPTS.get(r)), opts, RowSampler.greedy());
            assertThat(batch.tokens().get(r)).containsExactly(alone.tokens().get(0));
        }
    }

    @Test
    void cachedAndUncachedPaddedBatchesSeeTheSameLogits() {
        List<float[]> cached = new ArrayList<>();
        List<float[]> uncached = new ArrayList<>();
        run(PROMPTS, new GenerationOptions(6, List.of(), true), recording(cached));
        run(PROMPTS, new GenerationOptions(6, List.of(), false), recording(uncached));
        assertThat(cached).hasSameSizeAs(uncached).hasSize(18);
        for (int i = 0; i < cached.size(); i++) {
            float[] a = cached.get(i);
            float[] b = uncached.get(i);
            for (int j = 0; j < a.length; j++) {
                assertThat(Math.abs(a[j] - b[j])).as("call %d id %d", i, j).isLessThan(1e-4f);
            }
        }
    }

    @Test
    void eosStopsARowAndPadsItWhileOthersContinue() {
        int eos = lm.eosId();
        RowSampler eosAtStep2ForRow0 =
                (row, step, logits, ctx) ->
                        row == 0 && step == 2
                                ? eos
                                : RowSampler.greedy().pick(row, step, logits, ctx);
        List<int[]> emitted = new ArrayList<>();
        GenerationResult res =
                new BatchGenerator(lm, new GenerationOptions(6, List.of(), true))
                        .generate(
                                PROMPTS,
                                eosAtStep2ForRow0,
                                (step, toks) -> emitted.add(toks.clone()),
                                () -> false);
        assertThat(res.stopReasons().get(0)).isEqualTo(StopReason.EOS);
        assertThat(res.tokens().get(0)).hasSize(2);
        assertThat(emitted.get(2)[0]).isEqualTo(eos);
        assertThat(emitted.subList(3, emitted.size()))
                .allSatisfy(t -> assertThat(t[0]).isEqualTo(-1));
        assertThat(res.stopReasons().get(1)).isEqualTo(StopReason.LENGTH);
        GenerationResult alone =
                run(
                        List.of(PROMPTS.get(1)),
                        new GenerationOptions(6, List.of(), true),
                        RowSampler.greedy());
        assertThat(res.tokens().get(1)).containsExactly(alone.tokens().get(0));
    }

    @Test
    void stopStringCutsTheText() {
        RowSampler abab = (row, step, logits, ctx) -> step % 2 == 0 ? 'a' : 'b';
        GenerationResult res =
                new BatchGenerator(lm, new GenerationOptions(10, List.of("bab"), true))
                        .generate(List.of("x"), abab, (s, t) -> {}, () -> false);
        assertThat(res.stopReasons()).containsExactly(StopReason.STOP_STRING);
        assertThat(res.texts()).containsExactly("a");
    }

    @Test
    void cancellationStopsEveryRow() {
        int[] steps = {0};
        GenerationResult res =
                new BatchGenerator(lm, new GenerationOptions(50, List.of(), true))
                        .generate(
                                PROMPTS,
                                RowSampler.greedy(),
                                (s, t) -> steps[0]++,
                                () -> steps[0] >= 3);
        assertThat(res.stopReasons()).containsOnly(StopReason.CANCELLED);
        assertThat(res.tokens().get(0)).hasSize(3);
    }

    @Test
    void promptLongerThanTheContextKeepsItsTail() {
        try (LanguageModel small = TestModels.tiny(16, 4)) {
            String prompt = "0123456789abcdefghijklmnopqrstuvwxyz";
            GenerationResult res =
                    new BatchGenerator(small, new GenerationOptions(4, List.of(), true))
                            .generate(
                                    List.of(prompt),
                                    RowSampler.greedy(),
                                    (s, t) -> {},
                                    () -> false);
            assertThat(res.droppedPromptTokens().get(0)).isEqualTo(prompt.length() - 12);
            assertThat(res.tokens().get(0)).hasSize(4);
        }
    }

    private static GenerationResult run(
            List<String> prompts, GenerationOptions opts, RowSampler s) {
        return new BatchGenerator(lm, opts).generate(prompts, s, (step, t) -> {}, () -> false);
    }

    private static RowSampler recording(List<float[]> sink) {
        return (row, step, logits, ctx) -> {
            sink.add(logits.clone());
            return RowSampler.greedy().pick(row, step, logits, ctx);
        };
    }
}
