package dev.samplinglab.engine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.StepRecord;
import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import dev.samplinglab.engine.sampling.Truncation;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Through each API's test server (answering from the bundled model), a 30-step session with a fixed
 * seed gives the local engine's tokens and top-N probabilities whenever the strategy's kept set
 * lies inside the N tokens sent, and the truncation flags appear exactly when it does not.
 */
class ServerParityTest {
    static final int N = 20;
    static final int STEPS = 30;
    static final String PROMPT = "ROMEO:";
    static final long SEED = 7;

    static LanguageModel local;

    @BeforeAll
    static void open() {
        local = LanguageModel.open("bundled");
    }

    @AfterAll
    static void close() {
        local.close();
    }

    static Stream<Arguments> cases() {
        List<String> strategies =
                List.of(
                        "greedy",
                        "top-k 10, T 0.8",
                        "top-k 20",
                        "top-k 40",
                        "top-p 0.9",
                        "T 0.7, top-p 0.9",
                        "min-p 0.05",
                        "T 1.3");
        return Stream.of(
                        ServerFlavour.VLLM,
                        ServerFlavour.LLAMACPP,
                        ServerFlavour.OPENAI,
                        ServerFlavour.OPENAI_CHAT,
                        ServerFlavour.OLLAMA)
                .flatMap(f -> strategies.stream().map(s -> Arguments.of(f, s)));
    }

    static SamplingSettings settings(String strategy) {
        SamplingSettings.Builder b = SamplingSettings.builder();
        for (String part : strategy.split(", ")) {
            String[] kv = part.split(" ");
            switch (kv[0]) {
                case "greedy" -> b.greedy(true);
                case "T" -> b.temperature(Double.parseDouble(kv[1]));
                case "top-k" -> b.topK(Integer.parseInt(kv[1]));
                case "top-p" -> b.topP(Double.parseDouble(kv[1]));
                case "min-p" -> b.minP(Double.parseDouble(kv[1]));
                default -> throw new IllegalArgumentException(part);
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void sameTokensAndProbabilitiesWhereTheKeptSetFitsAndFlagsExactlyWhereNot(
            ServerFlavour flavour, String strategy) {
        SamplingPipeline pipeline = SamplingPipeline.of(settings(strategy));
        int cap = flavour == ServerFlavour.LLAMACPP ? 0 : N;
        try (FakeInferenceServer server = FakeInferenceServer.start(local, flavour, cap);
                LanguageModel remote =
                        LanguageModel.open(
                                flavour == ServerFlavour.LLAMACPP
                                        ? server.spec().replace("#", "?top_n=" + N + "#")
                                        : server.spec());
                DecodeSession theirs = new DecodeSession(remote, PROMPT, SEED);
                DecodeSession ours = new DecodeSession(local, PROMPT, SEED)) {
            int flagged = 0;
            int undecided = 0;
            for (int t = 0; t < STEPS; t++) {
                StepTrace mine = ours.step(pipeline).trace();
                StepTrace sent = theirs.step(pipeline).trace();
                Truncation tr = sent.truncation();
                assertThat(tr).as("step %d has a truncation record", t).isNotNull();
                assertThat(tr.sent()).isEqualTo(N);
                assertSameHead(remote, mine, sent, t);
                boolean inside = keptInsideTopN(mine);
                if (inside && !tr.exact()) {
                    // undecidable from N tokens: after T < 1 the unseen tail's share is only
                    // bounded
                    assertThat(tr.caveat("top_p"))
                            .as("step %d", t)
                            .hasValueSatisfying(
                                    c ->
                                            assertThat(c)
                                                    .containsAnyOf(
                                                            "may extend past the 20 tokens",
                                                            "depends on the unseen tail"));
                    assertThat(strategy).startsWith("T 0.7, top-p");
                    undecided++;
                } else {
                    assertThat(!tr.exact())
                            .as(
                                    "step %d: flagged %s, kept set inside top-%d: %s",
                                    t, tr.caveats(), N, inside)
                            .isEqualTo(!inside);
                }
                if (inside && tr.exact()) {
                    assertThat(piece(remote, sent.chosenId()))
                            .as("step %d token", t)
                            .isEqualTo(local.tokenizer().piece(mine.chosenId()));
                    assertThat(sent.chosenProb()).isCloseTo(mine.chosenProb(), within(1e-6));
                } else {
                    flagged++;
                    alignOn(ours, pipeline, remote, sent);
                }
            }
            assertThat(undecided)
                    .as("steps the bound could not decide")
                    .isLessThanOrEqualTo(STEPS / 3);
            if (strategy.equals("top-k 40") || strategy.equals("T 1.3")) {
                assertThat(flagged).as("a cut past N is flagged at every step").isEqualTo(STEPS);
            }
            if (strategy.equals("greedy")
                    || strategy.startsWith("top-k 1")
                    || strategy.equals("top-k 20")) {
                assertThat(flagged).isZero();
            }
        }
    }

    /** The top-N by raw probability: the same tokens with the same probabilities (1e-6). */
    private static void assertSameHead(
            LanguageModel remote, StepTrace mine, StepTrace sent, int t) {
        List<Candidate> theirs = sent.raw().candidates();
        List<Candidate> ours = mine.raw().candidates().subList(0, N);
        assertThat(theirs).hasSize(N);
        for (int i = 0; i < N; i++) {
            assertThat(theirs.get(i).piece())
                    .as("step %d rank %d", t, i)
                    .isEqualTo(ours.get(i).piece());
            assertThat(theirs.get(i).prob())
                    .as("step %d rank %d p", t, i)
                    .isCloseTo(ours.get(i).prob(), within(1e-6));
        }
        assertThat(sent.raw().restMass()).isCloseTo(1 - sum(ours), within(1e-6));
    }

    private static double sum(List<Candidate> cs) {
        return cs.stream().mapToDouble(Candidate::prob).sum();
    }

    /** Whether the local final kept set lies inside the raw top-N. */
    private static boolean keptInsideTopN(StepTrace mine) {
        if (mine.greedy()) {
            return true; // argmax is always sent
        }
        Set<Integer> top = new HashSet<>();
        Arrays.stream(mine.displayIds()).limit(N).forEach(top::add);
        double[] finalProbs = mine.full().finalProbs();
        for (int id = 0; id < finalProbs.length; id++) {
            if (finalProbs[id] > 0 && !top.contains(id)) {
                return false;
            }
        }
        return true;
    }

    /** After a flagged step the picks may differ: the local session takes the server's token. */
    private static void alignOn(
            DecodeSession ours, SamplingPipeline pipeline, LanguageModel remote, StepTrace sent) {
        String wanted = piece(remote, sent.chosenId());
        int id =
                Arrays.stream(ours.history().get(ours.history().size() - 1).trace().displayIds())
                        .filter(i -> local.tokenizer().piece(i).equals(wanted))
                        .findFirst()
                        .orElseThrow();
        StepRecord forced = ours.force(id, pipeline);
        assertThat(forced.tokenId()).isEqualTo(id);
    }

    private static String piece(LanguageModel remote, int id) {
        return remote.tokenizer().piece(id);
    }

    static String describe(List<Truncation.StageCaveat> cs) {
        return cs.stream().map(c -> c.stage() + ": " + c.note()).collect(Collectors.joining("; "));
    }
}
