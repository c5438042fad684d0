package dev.samplinglab.engine.train;

import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.KvCache;
import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.SplittableRandom;

/**
 * Minimal continuation writer for model cards and training tests: greedy (argmax) or plain
 * temperature sampling from the softmax, through the engine's KV cache. The full sampling chain
 * lives in engine.sampling; this keeps training independent of it.
 */
public final class TextSampler {
    private TextSampler() {}

    /** Settings of one continuation: temperature 0 means greedy. */
    public record Settings(double temperature, long seed, int maxTokens) {
        public String describe() {
            return temperature == 0
                    ? "greedy (argmax), " + maxTokens + " tokens"
                    : "temperature "
                            + temperature
                            + " (plain softmax sampling, no top-k/top-p), seed "
                            + seed
                            + ", "
                            + maxTokens
                            + " tokens";
        }
    }

    /** Continues {@code prompt}; returns only the generated text. */
    public static String continueText(
            GptModel model, TextTokenizer tokenizer, String prompt, Settings s) {
        int[] ids = tokenizer.encode(prompt);
        int room = model.config().nPositions() - ids.length;
        int n = Math.min(s.maxTokens(), room);
        int[] out = new int[n];
        SplittableRandom rng = new SplittableRandom(s.seed());
        try (KvCache cache = model.newCache(1)) {
            float[] logits = model.step(cache, ids);
            for (int i = 0; i < n; i++) {
                out[i] = s.temperature() == 0 ? argmax(logits) : sample(logits, s, rng);
                if (i + 1 < n) {
                    logits = model.step(cache, out[i]);
                }
            }
        }
        return tokenizer.decode(out);
    }

    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    static int sample(float[] logits, Settings s, SplittableRandom rng) {
        double max = logits[argmax(logits)];
        double[] weights = new double[logits.length];
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            weights[i] = Math.exp((logits[i] - max) / s.temperature());
            total += weights[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
