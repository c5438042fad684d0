package dev.samplinglab.app.beam;

import dev.samplinglab.app.common.BeamBackend;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.beam.BeamCandidate;
import dev.samplinglab.engine.generate.beam.BeamDecoding;
import dev.samplinglab.engine.generate.beam.BeamModel;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.BeamStep;
import dev.samplinglab.engine.generate.beam.GreedyTrack;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One beam search and its greedy contrast on one model and prompt, with the texts the view shows.
 * Lives on the worker thread.
 */
final class BeamRun implements AutoCloseable {
    private final Object owner;
    private final BeamBackend backend;
    private final BeamSettings settings;
    private final Prompt promptSpec;
    private final String promptText;
    private final int[] prompt;
    private final BeamDecoding decoding;
    private final GreedyTrack greedy;
    private final List<List<String>> texts = new ArrayList<>();
    private final Map<Integer, String> pieces = new HashMap<>();

    BeamRun(Object owner, BeamBackend backend, Prompt promptSpec, BeamSettings settings) {
        this.owner = owner;
        this.backend = backend;
        this.settings = settings;
        this.promptSpec = promptSpec;
        this.prompt = backend.encode(promptSpec);
        this.promptText = backend.decode(prompt);
        BeamModel model = backend.model();
        this.decoding =
                new BeamDecoding(model, settings, prompt, backend.eosIds(), backend.contextSize());
        try {
            this.greedy =
                    new GreedyTrack(
                            model,
                            prompt,
                            backend.eosIds(),
                            settings.maxNewTokens(),
                            settings.noRepeatNgramSize());
        } catch (RuntimeException e) {
            decoding.close();
            throw e;
        }
    }

    boolean matches(Object owner, Prompt promptSpec, BeamSettings settings) {
        return this.owner == owner
                && this.promptSpec.equals(promptSpec)
                && this.settings.equals(settings);
    }

    boolean done() {
        return decoding.done();
    }

    int steps() {
        return decoding.history().size();
    }

    /** One beam step and, while it has not ended, one greedy step. */
    void step() {
        if (decoding.done()) {
            return;
        }
        BeamStep step = decoding.step();
        List<String> stepTexts = new ArrayList<>();
        for (BeamCandidate c : step.candidates()) {
            pieces.computeIfAbsent(c.token(), backend::piece);
            stepTexts.add(fullText(parentTokens(step, c), c.token()));
        }
        texts.add(stepTexts);
        if (greedy.tokens().length < steps()) {
            greedy.step();
            int[] g = greedy.tokens();
            if (g.length > 0) {
                pieces.computeIfAbsent(g[g.length - 1], backend::piece);
            }
        }
    }

    void back() {
        if (steps() == 0) {
            return;
        }
        decoding.back();
        texts.remove(texts.size() - 1);
        greedy.truncate(steps());
    }

    /** Tokens of the beam a candidate of the newest step extends. */
    private int[] parentTokens(BeamStep step, BeamCandidate c) {
        List<BeamStep> h = decoding.history();
        if (step.step() == 0) {
            return new int[0];
        }
        return h.get(step.step() - 1).beams().get(c.parent()).tokens();
    }

    private String fullText(int[] generated, int token) {
        int[] all = Arrays.copyOf(prompt, prompt.length + generated.length + 1);
        System.arraycopy(generated, 0, all, prompt.length, generated.length);
        all[all.length - 1] = token;
        return backend.decode(all);
    }

    private String fullText(int[] generated) {
        int[] all = Arrays.copyOf(prompt, prompt.length + generated.length);
        System.arraycopy(generated, 0, all, prompt.length, generated.length);
        return backend.decode(all);
    }

    BeamSnapshot snapshot() {
        List<BeamStep> history = decoding.history();
        List<String> finished = new ArrayList<>();
        if (!history.isEmpty()) {
            for (Hypothesis h : history.get(history.size() - 1).finished()) {
                finished.add(fullText(h.tokens()));
            }
        }
        int[] g = greedy.tokens();
        return new BeamSnapshot(
                settings,
                promptText,
                history,
                texts,
                finished,
                pieces,
                g,
                greedy.logProbs(),
                fullText(g),
                decoding.cacheBytes(),
                prompt.length + Math.max(0, history.size() - (decoding.done() ? 1 : 0)));
    }

    @Override
    public void close() {
        try {
            greedy.close();
        } finally {
            decoding.close();
        }
    }
}
