package dev.samplinglab.app.playground;

import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
import java.util.List;

/**
 * The tutorial's worked examples as one-click playground presets, each with a note giving the
 * correct numbers (computed as exp(x_i) / sum_j exp(x_j); the tutorial's printed softmax values are
 * wrong).
 */
public enum TutorialExample {
    SOFTMAX(
            "Softmax",
            "0.2, 1.5, -0.3, 2.1, 0.5",
            example(1, 0, 1, TopPRule.INCLUSIVE, 0),
            "softmax([0.2, 1.5, −0.3, 2.1, 0.5]) = 0.0751 0.2756 0.0456 0.5023 0.1014"
                    + " (exp(xᵢ) / Σ exp(xⱼ)). The tutorial prints different numbers: they are"
                    + " wrong."),
    TEMPERATURE_HALF(
            "T = 0.5",
            "1.0, 2.0, 0.5, 3.0, 0.2",
            example(0.5, 0, 1, TopPRule.INCLUSIVE, 0),
            "T = 0.5 divides the logits by 0.5 and sharpens: 0.0157 0.1163 0.0058 0.8590 0.0032."),
    TEMPERATURE_ONE(
            "T = 1",
            "1.0, 2.0, 0.5, 3.0, 0.2",
            example(1, 0, 1, TopPRule.INCLUSIVE, 0),
            "T = 1 is plain softmax: 0.0822 0.2235 0.0499 0.6075 0.0369."),
    TEMPERATURE_TWO(
            "T = 2",
            "1.0, 2.0, 0.5, 3.0, 0.2",
            example(2, 0, 1, TopPRule.INCLUSIVE, 0),
            "T = 2 flattens: 0.1467 0.2419 0.1143 0.3988 0.0983."),
    TOP_K(
            "Top-k 2",
            "1.0, 2.0, 0.5, 3.0, 0.2",
            example(1, 2, 1, TopPRule.INCLUSIVE, 0),
            "Top-k = 2 keeps D (0.6075) and B (0.2235) and renormalizes them to 0.7311 and"
                    + " 0.2689."),
    TOP_P_INCLUSIVE(
            "Top-p 0.7 (inclusive)",
            "ln 0.5, ln 0.25, ln 0.15, ln 0.10",
            example(1, 0, 0.7, TopPRule.INCLUSIVE, 0),
            "Probabilities 0.50 0.25 0.15 0.10, p = 0.7: the cumulative sum 0.50, 0.75 crosses p"
                    + " at the second token, which is kept: 2 tokens, 0.6667 and 0.3333."),
    TOP_P_CUMSUM(
            "Top-p 0.7 (cumsum ≤ p)",
            "ln 0.5, ln 0.25, ln 0.15, ln 0.10",
            example(1, 0, 0.7, TopPRule.CUMSUM_LE_P, 0),
            "The same with the cumsum ≤ p rule many tutorials print: only 0.50 stays below 0.7,"
                    + " so 1 token is kept (p = 1.0000). Compare with the inclusive rule."),
    TOP_P_TIE(
            "Top-p tie",
            "ln 0.5, ln 0.25, ln 0.25",
            example(1, 0, 0.75, TopPRule.INCLUSIVE, 0),
            "Probabilities 0.50 0.25 0.25, p = 0.75: the sum reaches p exactly at the second"
                    + " token; ties are broken by id, so 2 tokens are kept (0.6667, 0.3333)."),
    MIN_P(
            "Min-p 0.1",
            "1.0, 2.0, 0.5, 3.0, 0.2",
            example(1, 0, 1, TopPRule.INCLUSIVE, 0.1),
            "Min-p = 0.1 keeps tokens with p ≥ 0.1 × 0.60749 = 0.060749 (0.0607 to 4 decimals):"
                    + " A, B and D, renormalized to 0.0900 0.2447 0.6652.");

    private final String label;
    private final String logits;
    private final SamplingSettings strategy;
    private final String note;

    TutorialExample(String label, String logits, SamplingSettings strategy, String note) {
        this.label = label;
        this.logits = logits;
        this.strategy = strategy;
        this.note = note;
    }

    private static SamplingSettings example(double t, int k, double p, TopPRule rule, double minP) {
        return SamplingSettings.builder()
                .temperature(t)
                .topK(k)
                .topP(p)
                .topPRule(rule)
                .minP(minP)
                .build();
    }

    public String label() {
        return label;
    }

    /** The logits as the editor shows them ("ln 0.5" is the natural log of a probability). */
    public String logits() {
        return logits;
    }

    public SamplingSettings strategy() {
        return strategy;
    }

    /** What the example shows, with the correct numbers. */
    public String note() {
        return note;
    }

    /** Labels A, B, C, ... for {@code n} tokens. */
    public static List<String> defaultLabels(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> i < 26 ? String.valueOf((char) ('A' + i)) : "t" + i)
                .toList();
    }
}
