package dev.samplinglab.app.compare;

import dev.samplinglab.app.common.StepResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Running statistics of one generated text, as the compare view shows them per column. Pure
 * arithmetic, no toolkit. Distinct-n is the share of unique n-grams among all n-grams of the
 * generated tokens (Li et al. 2016, https://arxiv.org/abs/1510.03055); the repetition rate is the
 * share of 4-gram occurrences that repeat an earlier 4-gram (1 - distinct-4), a degeneration
 * measure in the spirit of Holtzman et al. 2020 (https://arxiv.org/abs/1904.09751).
 *
 * @param steps number of generated tokens
 * @param meanLogProb mean natural log of the model's raw (T=1, unfiltered) probability of each
 *     chosen token; NaN without steps
 * @param perplexity exp(-meanLogProb): the model's perplexity on the generated text
 * @param meanEntropyBits mean entropy (bits) of the distribution each token was drawn from (0 for a
 *     greedy step: argmax is a point mass)
 * @param meanNucleus mean number of tokens kept in that distribution
 * @param distinct1 unique unigrams / unigrams
 * @param distinct2 unique bigrams / bigrams (NaN with fewer than 2 tokens)
 * @param repetition4 repeated 4-grams / 4-grams (NaN with fewer than 4 tokens)
 */
public record RunMetrics(
        int steps,
        double meanLogProb,
        double perplexity,
        double meanEntropyBits,
        double meanNucleus,
        double distinct1,
        double distinct2,
        double repetition4) {

    /**
     * What the metrics need of one step.
     *
     * @param tokenId the chosen token
     * @param rawProb its raw (T=1) probability under the model
     * @param entropyBits entropy of the distribution it was drawn from
     * @param nucleus number of tokens that distribution kept
     */
    public record Step(int tokenId, double rawProb, double entropyBits, int nucleus) {
        /** A greedy step draws from a point mass: entropy 0, one token. */
        public static Step of(StepResult r) {
            var t = r.trace();
            return t.greedy()
                    ? new Step(r.tokenId(), t.chosenRawProb(), 0, 1)
                    : new Step(
                            r.tokenId(),
                            t.chosenRawProb(),
                            t.entropyFinalBits(),
                            t.finalDist().keptCount());
        }
    }

    public static RunMetrics ofResults(List<StepResult> history) {
        return of(history.stream().map(Step::of).toList());
    }

    public static RunMetrics of(List<Step> steps) {
        int n = steps.size();
        double logProb = 0;
        double entropy = 0;
        double nucleus = 0;
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            logProb += Math.log(s.rawProb());
            entropy += s.entropyBits();
            nucleus += s.nucleus();
            ids[i] = s.tokenId();
        }
        double meanLogProb = n == 0 ? Double.NaN : logProb / n;
        return new RunMetrics(
                n,
                meanLogProb,
                Math.exp(-meanLogProb),
                n == 0 ? Double.NaN : entropy / n,
                n == 0 ? Double.NaN : nucleus / n,
                distinct(ids, 1),
                distinct(ids, 2),
                1 - distinct(ids, 4));
    }

    /** Unique n-grams over n-grams of {@code ids}; NaN when there is no n-gram. */
    public static double distinct(int[] ids, int n) {
        int total = ids.length - n + 1;
        if (total <= 0) {
            return Double.NaN;
        }
        Set<List<Integer>> seen = new HashSet<>();
        for (int i = 0; i < total; i++) {
            Integer[] gram = new Integer[n];
            for (int j = 0; j < n; j++) {
                gram[j] = ids[i + j];
            }
            seen.add(List.of(gram));
        }
        return (double) seen.size() / total;
    }

    /** First index where the two sequences differ, or -1 when one is a prefix of the other. */
    public static int firstDifference(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        return -1;
    }
}
