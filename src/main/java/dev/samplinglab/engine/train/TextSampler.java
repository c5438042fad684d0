package dev.samplinglab.engine.train;

import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.sampling.Preset;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.tokenizer.TextTokenizer;

/**
 * Continuations for model cards, written with the app's own {@link DecodeSession} and {@link
 * SamplingPipeline}, so {@code sampling-lab generate} with the same seed and options reproduces
 * them.
 */
public final class TextSampler {
    private TextSampler() {}

    /** One continuation's settings: the sampling chain, the coin seed and the length. */
    public record Settings(String label, SamplingSettings sampling, long seed, int maxTokens) {

        public static Settings greedy(int maxTokens) {
            return new Settings("greedy", SamplingSettings.greedyDecoding(), 0, maxTokens);
        }

        public static Settings preset(Preset preset, long seed, int maxTokens) {
            return new Settings("preset " + preset.cliName(), preset.settings(), seed, maxTokens);
        }

        public String describe() {
            return label
                    + ": "
                    + sampling.describe()
                    + ", seed "
                    + seed
                    + ", "
                    + maxTokens
                    + " tokens";
        }

        /** The generate options that reproduce this continuation. */
        public String cliOptions() {
            String how =
                    sampling.greedy() ? "--greedy" : "--preset " + label.replace("preset ", "");
            return how + " --seed " + seed + " --max-new-tokens " + maxTokens;
        }
    }

    /** Continues {@code prompt}; returns only the generated text. */
    public static String continueText(
            GptModel model, TextTokenizer tokenizer, String prompt, Settings s) {
        // not closed: closing a LanguageModel would close the caller's model
        LanguageModel lm = new LanguageModel("training", model, tokenizer);
        SamplingPipeline pipeline = SamplingPipeline.of(s.sampling());
        int room = model.config().nPositions() - tokenizer.encode(prompt).length;
        try (DecodeSession session = new DecodeSession(lm, prompt, s.seed())) {
            for (int i = 0; i < Math.min(s.maxTokens(), room); i++) {
                session.step(pipeline);
            }
            return tokenizer.decode(session.generatedTokens());
        }
    }

    /** Index of the largest logit (first on ties). */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
