package dev.samplinglab.engine.sampling;

import static dev.samplinglab.engine.sampling.Vectors.floats;
import static dev.samplinglab.engine.sampling.Vectors.logitsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The traced chain on [1.0, 2.0, 0.5, 3.0, 0.2] with T = 0.5, top-k 3, top-p 0.9 (hf order). */
class SamplingPipelineTest {
    private static final float[] LOGITS = floats(1.0, 2.0, 0.5, 3.0, 0.2);
    private static final SamplingPipeline HF =
            SamplingPipeline.of(
                    SamplingSettings.builder().temperature(0.5).topK(3).topP(0.9).build());

    @Test
    void traceHasRawEveryActiveStageAndFinal() {
        StepTrace t = HF.run(LOGITS, new int[0], 0.5, id -> "t" + id, 100);
        assertThat(t.raw().name()).isEqualTo("raw");
        assertThat(t.stages())
                .extracting(StageTrace::name)
                .containsExactly("temperature", "top_k", "top_p");
        assertThat(t.finalDist().name()).isEqualTo("final");
        assertThat(t.displayIds()).containsExactly(3, 1, 0, 2, 4);
        assertThat(t.raw().candidates())
                .extracting(Candidate::piece)
                .containsExactly("t3", "t1", "t0", "t2", "t4");
    }

    @Test
    void stagesRecordKeptCountsMassesAndTheCrossingToken() {
        StepTrace t = HF.run(LOGITS, new int[0], 0.5, String::valueOf, 100);
        StageTrace temperature = t.stages().get(0);
        StageTrace topK = t.stages().get(1);
        StageTrace topP = t.stages().get(2);
        assertThat(temperature.keptCount()).isEqualTo(5);
        assertThat(temperature.keptMass()).isEqualTo(1.0);
        assertThat(topK.keptCount()).isEqualTo(3);
        assertThat(topK.keptMass()).isCloseTo(0.9910351949, within(1e-9));
        assertThat(topP.keptCount()).isEqualTo(2);
        assertThat(topP.keptMass()).isCloseTo(0.9841237600, within(1e-9));
        assertThat(topP.crossingId()).isEqualTo(1);
        assertThat(topP.params()).containsEntry("p", 0.9).containsEntry("rule", "inclusive");
        // cumulative in top-p's order (3, 1, 0); tokens dropped earlier sit at the end
        assertThat(Vectors.cumulatives(topP))
                .containsExactly(
                        new double[] {0.8668133322, 0.9841237600, 1.0, 1.0, 1.0}, within(1e-9));
        assertThat(topK.candidates().get(0).cumulative()).isNaN();
        assertThat(t.finalDist().keptMass()).isCloseTo(0.8309770424, within(1e-9));
    }

    @Test
    void candidatesCarryProbabilitiesRanksAndMasks() {
        StepTrace t = HF.run(LOGITS, new int[0], 0.5, String::valueOf, 100);
        StageTrace topK = t.stages().get(1);
        assertThat(topK.candidates())
                .extracting(Candidate::kept)
                .containsExactly(true, true, true, false, false);
        assertThat(topK.candidates()).extracting(Candidate::rank).containsExactly(0, 1, 2, 3, 4);
        assertThat(Vectors.probs(topK))
                .containsExactly(
                        new double[] {0.8668133322, 0.1173104278, 0.0158762400, 0.0, 0.0},
                        within(1e-9));
        assertThat(topK.candidates().get(3).logit()).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(topK.candidates().get(0).logit()).isEqualTo(6.0f);
        assertThat(t.raw().candidates().get(0).prob()).isCloseTo(0.6074928955, within(1e-9));
    }

    @Test
    void finalDistributionPickAndInformation() {
        StepTrace t = HF.run(LOGITS, new int[0], 0.9, String::valueOf, 100);
        // final = {3: 1/(1+e^-2), 1: 1 - that}; u = 0.9 lands past 0.8808 on id 1
        assertThat(t.chosenId()).isEqualTo(1);
        assertThat(t.coin()).isEqualTo(0.9);
        assertThat(t.greedy()).isFalse();
        assertThat(t.chosenProb()).isCloseTo(0.1192029220, within(1e-9));
        assertThat(t.chosenRawProb()).isCloseTo(0.2234841469, within(1e-9));
        assertThat(t.surprisalBits()).isCloseTo(3.0685084939, within(1e-9));
        assertThat(t.entropyFinalBits()).isCloseTo(0.5270653410, within(1e-9));
        assertThat(t.entropyRawBits()).isCloseTo(1.6077844120, within(1e-9));
        assertThat(t.full().finalProbs())
                .containsExactly(new double[] {0, 0.1192029220, 0, 0.8807970780, 0}, within(1e-9));
        assertThat(t.full().rawLogits()).containsExactly(LOGITS);
        assertThat(HF.run(LOGITS, new int[0], 0.5, String::valueOf, 100).chosenId()).isEqualTo(3);
    }

    @Test
    void topNLimitsDisplayTokensAndRestMassCoversTheOthers() {
        StepTrace t = HF.run(LOGITS, new int[0], 0.5, String::valueOf, 2);
        assertThat(t.displayIds()).containsExactly(3, 1);
        // raw: everything but ids 3 and 1
        assertThat(t.raw().restMass()).isCloseTo(1 - 0.8309770424, within(1e-9));
        assertThat(t.stages().get(1).restMass()).isCloseTo(0.0158762400, within(1e-9));
        assertThat(t.finalDist().restMass()).isCloseTo(0.0, within(1e-12));
        assertThat(t.withoutFullArrays().full()).isNull();
    }

    @Test
    void forcedRunKeepsTheTraceButChoosesTheForcedToken() {
        StepTrace free = HF.run(LOGITS, new int[0], 0.5, String::valueOf, 100);
        StepTrace forced = HF.runForced(LOGITS, new int[0], 0.5, String::valueOf, 100, 0);
        assertThat(forced.chosenId()).isZero();
        assertThat(forced.chosenProb()).isZero(); // dropped by top-p
        // outside the kept set: surprisal under the model, -log2(0.0822), not Infinity
        assertThat(forced.surprisalBits()).isCloseTo(3.6045, within(1e-4));
        assertThat(forced.forced()).isTrue();
        assertThat(forced.stages()).isEqualTo(free.stages());
        assertThatThrownBy(() -> HF.runForced(LOGITS, new int[0], 0.5, String::valueOf, 5, 5))
                .hasMessage("forced token id must be in [0, 5) (got 5)");
    }

    @Test
    void greedyPicksArgmaxWithTiesToLowestIdAndRecordsTheCoin() {
        SamplingPipeline greedy = SamplingPipeline.of(SamplingSettings.greedyDecoding());
        StepTrace t = greedy.run(floats(1, 3, 3, 2), new int[0], 0.99, String::valueOf, 4);
        assertThat(t.chosenId()).isEqualTo(1);
        assertThat(t.coin()).isEqualTo(0.99);
        assertThat(t.greedy()).isTrue();
        assertThat(t.finalDist().params()).containsEntry("picker", "greedy");
    }

    @Test
    void greedyIgnoresFiltersButAppliesPenalties() {
        SamplingSettings s =
                Preset.CREATIVE.settings().toBuilder().greedy(true).repetitionPenalty(4).build();
        StepTrace t = SamplingPipeline.of(s).run(floats(1, 3, 2.5), new int[] {1}, 0.0, null, 3);
        assertThat(t.stages()).extracting(StageTrace::name).containsExactly("repetition_penalty");
        assertThat(t.chosenId()).isEqualTo(2); // 3 / 4 = 0.75 < 2.5
    }

    static Stream<Arguments> chainOrders() {
        // probs [0.4, 0.3, 0.2, 0.1]
        // A: T = 0.5, top-p 0.75, min-p 0.3. hf: T first gives [.533, .3, .133, .033], top-p
        //    keeps 2. llama.cpp: top-p at T=1 keeps 3 (0.4, 0.7, 0.9), min-p 0.3 keeps them.
        //    vllm: T then min-p (threshold 0.16) keeps 2.
        // B: T = 1, top-p 0.75, min-p 0.3. hf and llama.cpp: top-p keeps 3, then min-p (threshold
        //    0.133 of [.444, .333, .222]) keeps 3. vllm: min-p first drops id 3, renormalized
        //    [.444, .333, .222] reaches 0.75 at id 1, so 2 are kept.
        SamplingSettings a =
                SamplingSettings.builder().temperature(0.5).topP(0.75).minP(0.3).build();
        SamplingSettings b = a.toBuilder().temperature(1.0).build();
        return Stream.of(
                Arguments.of(a, ChainOrder.HF, new int[] {0, 1}),
                Arguments.of(a, ChainOrder.LLAMA_CPP, new int[] {0, 1, 2}),
                Arguments.of(a, ChainOrder.VLLM, new int[] {0, 1}),
                Arguments.of(b, ChainOrder.HF, new int[] {0, 1, 2}),
                Arguments.of(b, ChainOrder.LLAMA_CPP, new int[] {0, 1, 2}),
                Arguments.of(b, ChainOrder.VLLM, new int[] {0, 1}));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("chainOrders")
    void chainOrderChangesTheKeptSet(SamplingSettings s, ChainOrder order, int[] kept) {
        Distribution out =
                SamplingPipeline.of(s.toBuilder().order(order).build())
                        .finalDistribution(floats(logitsOf(0.4, 0.3, 0.2, 0.1)), new int[0]);
        assertThat(out.keptIds()).containsExactly(kept);
    }

    @Test
    void stagesAppearInChainOrder() {
        SamplingSettings s =
                SamplingSettings.builder().temperature(0.5).topP(0.75).minP(0.3).topK(3).build();
        StepTrace t =
                SamplingPipeline.of(s.toBuilder().order(ChainOrder.LLAMA_CPP).build())
                        .run(LOGITS, new int[0], 0.1, null, 5);
        assertThat(t.stages())
                .extracting(StageTrace::name)
                .containsExactly("top_k", "top_p", "min_p", "temperature");
    }

    @Test
    void penaltiesSeeTheContext() {
        SamplingSettings s =
                SamplingSettings.builder().repetitionPenalty(2).presencePenalty(1).build();
        StepTrace t = SamplingPipeline.of(s).run(LOGITS, new int[] {3}, 0.5, null, 5);
        // id 3: 3.0 / 2 = 1.5, then - 1 = 0.5
        assertThat(
                        t.stages()
                                .get(1)
                                .candidates()
                                .get(
                                        t.stages().get(1).candidates().stream()
                                                .map(Candidate::id)
                                                .toList()
                                                .indexOf(3))
                                .logit())
                .isEqualTo(0.5f);
        assertThat(t.stages())
                .extracting(StageTrace::name)
                .containsExactly("repetition_penalty", "frequency_presence_penalty");
    }

    @Test
    void badInputsAreRefusedWithOneLine() {
        SamplingPipeline p = SamplingPipeline.of(SamplingSettings.neutral());
        float ninf = Float.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> p.run(new float[] {ninf, ninf}, null, 0.5, null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("logits are all -Infinity (2 ids): no token can be sampled");
        assertThatThrownBy(() -> p.run(new float[] {1, Float.NaN}, null, 0.5, null, 5))
                .hasMessage("logits must be finite or -Infinity (got NaN at id 1)");
        assertThatThrownBy(() -> p.run(new float[] {1, 2}, null, 1.0, null, 5))
                .hasMessage("coin must be in [0, 1) (got 1.0)");
        assertThatThrownBy(() -> p.run(new float[] {1, 2}, new int[] {2}, 0.5, null, 5))
                .isInstanceOf(IllegalArgumentException.class);
        SamplingPipeline rep =
                SamplingPipeline.of(
                        SamplingSettings.neutral().toBuilder().repetitionPenalty(2).build());
        assertThatThrownBy(() -> rep.run(new float[] {1, 2}, new int[] {2}, 0.5, null, 5))
                .hasMessage("context id 2 is outside the vocabulary [0, 2)");
    }

    @Test
    void minusInfinityLogitsAreDroppedFromTheStart() {
        float ninf = Float.NEGATIVE_INFINITY;
        StepTrace t =
                SamplingPipeline.of(SamplingSettings.neutral())
                        .run(new float[] {ninf, 0, ninf, 0}, null, 0.75, null, 4);
        assertThat(t.displayIds()).containsExactly(1, 3, 0, 2);
        assertThat(t.raw().keptCount()).isEqualTo(2);
        assertThat(t.raw().candidates())
                .extracting(Candidate::prob)
                .containsExactly(0.5, 0.5, 0.0, 0.0);
        assertThat(t.chosenId()).isEqualTo(3);
    }
}
