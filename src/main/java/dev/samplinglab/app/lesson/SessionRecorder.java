package dev.samplinglab.app.lesson;

import dev.samplinglab.app.common.BeamBackend;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.classroom.NextTokenModel;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Remembers the strategy each step of the step window was drawn with, which a lesson needs to
 * replay it: the window may change the strategy between steps, and a trace does not hold the whole
 * strategy (the chain order, the penalty window). Wraps the window's model opener, so every session
 * it starts is a {@link Recorded} one. Worker thread only, like the sessions themselves.
 */
public final class SessionRecorder {
    private SessionRecorder() {}

    /** The opener whose sessions record their steps' strategies. */
    public static ModelOpener wrap(ModelOpener opener) {
        return (spec, progress) -> new Handle(opener.open(spec, progress));
    }

    /** The strategies of {@code source}'s steps, oldest first. */
    public static List<SamplingSettings> strategies(StepSource source) {
        if (source instanceof Recorded r) {
            return List.copyOf(r.strategies);
        }
        throw new IllegalStateException("this session does not record its strategies");
    }

    private record Handle(ModelHandle inner) implements ModelHandle {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String detail() {
            return inner.detail();
        }

        @Override
        public StepSource start(String prompt, long seed) {
            return new Recorded(inner.start(prompt, seed));
        }

        @Override
        public StepSource start(Prompt prompt, long seed) {
            return new Recorded(inner.start(prompt, seed));
        }

        @Override
        public BeamBackend beams() {
            return inner.beams();
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** A session that keeps one strategy per step, in step with its history. */
    static final class Recorded implements StepSource {
        private final StepSource inner;
        private final List<SamplingSettings> strategies = new ArrayList<>();

        Recorded(StepSource inner) {
            this.inner = inner;
        }

        @Override
        public List<String> promptPieces() {
            return inner.promptPieces();
        }

        @Override
        public Set<Integer> specialPromptPositions() {
            return inner.specialPromptPositions();
        }

        @Override
        public StepResult step(SamplingSettings settings) {
            StepResult r = inner.step(settings);
            strategies.add(settings);
            return r;
        }

        @Override
        public StepResult redo(SamplingSettings settings) {
            StepResult r = inner.redo(settings);
            strategies.set(strategies.size() - 1, settings);
            return r;
        }

        @Override
        public void back() {
            inner.back();
            strategies.remove(strategies.size() - 1);
        }

        @Override
        public StepResult force(int tokenId, SamplingSettings settings) {
            StepResult r = inner.force(tokenId, settings);
            strategies.set(strategies.size() - 1, settings);
            return r;
        }

        @Override
        public void truncateTo(int steps) {
            inner.truncateTo(steps);
            strategies.subList(steps, strategies.size()).clear();
        }

        @Override
        public List<StepResult> history() {
            return inner.history();
        }

        @Override
        public int cacheLength() {
            return inner.cacheLength();
        }

        @Override
        public NextTokenModel nextTokens() {
            return inner.nextTokens();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
