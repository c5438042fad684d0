package dev.samplinglab.engine.generate.beam;

import java.util.Arrays;

/**
 * Hugging Face's {@code NoRepeatNGramLogitsProcessor}
 * (src/transformers/generation/logits_process.py, {@code _get_ngrams} / {@code
 * _calc_banned_ngram_tokens}): a token is banned (log-prob -inf) when it would complete an n-gram
 * that already occurs in the row's sequence, prompt included. Nothing is banned while the sequence
 * plus the next token is shorter than n.
 */
final class NoRepeatNgram {
    private NoRepeatNgram() {}

    /** Sets the log-probs of banned next tokens to -inf in place. */
    static void ban(int n, int[] sequence, double[] logProbs) {
        if (n <= 0 || sequence.length + 1 < n) {
            return;
        }
        int[] tail = Arrays.copyOfRange(sequence, sequence.length - (n - 1), sequence.length);
        for (int start = 0; start + n <= sequence.length; start++) {
            if (Arrays.equals(sequence, start, start + n - 1, tail, 0, n - 1)) {
                logProbs[sequence[start + n - 1]] = Double.NEGATIVE_INFINITY;
            }
        }
    }
}
