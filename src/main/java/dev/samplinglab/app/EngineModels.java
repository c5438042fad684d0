package dev.samplinglab.app;

import dev.samplinglab.app.beam.EngineBeamBackend;
import dev.samplinglab.app.common.BeamBackend;
import dev.samplinglab.app.common.ModelHandle;
import dev.samplinglab.app.common.ModelOpener;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.common.StepSource;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.classroom.NextTokenModel;
import dev.samplinglab.engine.classroom.SessionLookahead;
import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.generate.StepRecord;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleConsumer;

/**
 * The window's model port over the engine: opens a {@link LanguageModel} from a {@link ModelSpec}
 * and drives a {@link DecodeSession}. Models come from a {@link SharedModels} pool that the lab
 * tabs use too, so a model is loaded once however many tabs decode on it.
 */
public final class EngineModels implements ModelOpener {
    private final SharedModels shared = new SharedModels(EngineModels::openModel);

    /** Why beam search does not run on an inference-server model, in one line. */
    static final String SERVER_BEAMS =
            "Beam search is unavailable for an inference-server model: the server keeps no cache"
                    + " rows per beam, and beam scores need each token's log-probability, which"
                    + " the server sends only for its top N. Switch beam search off to step.";

    /** The models the lab tabs use: the same open instances as the step window's, per spec. */
    public SharedModels shared() {
        return shared;
    }

    /** Opens a model spec as the engine understands it. */
    public static LanguageModel openModel(String spec) {
        return ModelSpec.parse(spec).open();
    }

    @Override
    public ModelHandle open(String spec, DoubleConsumer progress) {
        progress.accept(-1);
        LanguageModel lm = shared.open(spec);
        progress.accept(1);
        return new Handle(lm, shared);
    }

    private record Handle(LanguageModel lm, SharedModels shared) implements ModelHandle {
        @Override
        public String name() {
            return lm.name();
        }

        @Override
        public String detail() {
            return lm.model().returnsTopLogProbs() ? serverDetail(lm) : lm.summary().describe();
        }

        @Override
        public StepSource start(String prompt, long seed) {
            return start(Prompt.plain(prompt), seed);
        }

        @Override
        public StepSource start(Prompt prompt, long seed) {
            return new Session(lm, new DecodeSession(lm, prompt, Coins.commonRandomNumbers(seed)));
        }

        @Override
        public BeamBackend beams() {
            if (lm.model().returnsTopLogProbs()) {
                throw new dev.samplinglab.engine.BadInputException(SERVER_BEAMS);
            }
            return new EngineBeamBackend(lm);
        }

        @Override
        public void close() {
            shared.release(lm);
        }
    }

    /**
     * A server model's facts: what the server reported (no layers or widths: the app never sees
     * them), "inference server · 163M · context 1024 · vocab 50257".
     */
    static String serverDetail(LanguageModel lm) {
        var s = lm.summary();
        StringBuilder b = new StringBuilder("inference server");
        if (s.parameters() > 0) {
            b.append(" · ").append(s.sizeLabel());
        }
        b.append(" · context ").append(s.context());
        if (s.vocab() > 0 && s.vocab() < Integer.MAX_VALUE) {
            b.append(" · vocab ").append(s.vocab());
        }
        return b.toString();
    }

    /** A DecodeSession seen as a {@link StepSource}. */
    static final class Session implements StepSource {
        private final LanguageModel lm;
        private final DecodeSession session;

        Session(LanguageModel lm, DecodeSession session) {
            this.lm = lm;
            this.session = session;
        }

        @Override
        public List<String> promptPieces() {
            int[] tokens = session.tokens();
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < session.promptLength(); i++) {
                pieces.add(lm.tokenizer().piece(tokens[i]));
            }
            return pieces;
        }

        @Override
        public Set<Integer> specialPromptPositions() {
            int[] tokens = session.tokens();
            Set<Integer> special = new HashSet<>();
            for (int i = 0; i < session.promptLength(); i++) {
                if (lm.tokenizer().isSpecial(tokens[i])) {
                    special.add(i);
                }
            }
            return special;
        }

        @Override
        public StepResult step(SamplingSettings settings) {
            return StepResult.of(session.step(SamplingPipeline.of(settings)));
        }

        /** Recomputes the last step; a token the user chose stays chosen. */
        @Override
        public StepResult redo(SamplingSettings settings) {
            List<StepRecord> h = session.history();
            StepRecord last = h.get(h.size() - 1);
            SamplingPipeline p = SamplingPipeline.of(settings);
            return StepResult.of(
                    last.forced() ? session.force(last.tokenId(), p) : session.redo(p));
        }

        @Override
        public void back() {
            session.back();
        }

        @Override
        public StepResult force(int tokenId, SamplingSettings settings) {
            return StepResult.of(session.force(tokenId, SamplingPipeline.of(settings)));
        }

        @Override
        public void truncateTo(int steps) {
            session.truncateTo(steps);
        }

        @Override
        public List<StepResult> history() {
            List<StepResult> out = new ArrayList<>();
            for (StepRecord r : session.history()) {
                out.add(StepResult.of(r));
            }
            return out;
        }

        @Override
        public int cacheLength() {
            return session.cacheLength();
        }

        @Override
        public NextTokenModel nextTokens() {
            return new SessionLookahead(session);
        }

        @Override
        public void close() {
            session.close();
        }
    }
}
