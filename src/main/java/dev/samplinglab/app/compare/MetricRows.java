package dev.samplinglab.app.compare;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The compare columns' metric rows: a name with its unit, a one-line explanation, a value. */
final class MetricRows {
    /**
     * One row.
     *
     * @param name label with its unit
     * @param explanation one line for the tooltip: what it measures and how
     * @param value the figure of a run, formatted
     */
    record Row(String name, String explanation, Function<RunMetrics, String> value) {
        String format(RunMetrics m) {
            return value.apply(m);
        }
    }

    static final List<Row> ALL =
            List.of(
                    new Row(
                            "mean log p, model T = 1 (nats/token)",
                            "How likely the model finds this text: (1/n) Σ_t ln p(x_t), p the"
                                    + " model's distribution at T = 1; closer to 0 is likelier",
                            m -> fmt(m.meanLogProb(), "%.3f")),
                    new Row(
                            "perplexity, model T = 1 (tokens)",
                            "perplexity = exp(−mean log p): the model is as unsure as a fair choice among"
                                    + " this many tokens; lower is likelier text",
                            m -> fmt(m.perplexity(), "%.2f")),
                    new Row(
                            "mean entropy, final (bits)",
                            "(1/n) Σ_t H_t with H = −Σ_i p_i · log2 p_i of the final distribution"
                                    + " each token was drawn from: how much choice the strategy"
                                    + " left (greedy draws from a point mass: 0 bits, whatever"
                                    + " its chart shows)",
                            m -> fmt(m.meanEntropyBits(), "%.3f")),
                    new Row(
                            "mean kept, final (tokens)",
                            "(1/n) Σ_t k_t, k the number of tokens the final distribution kept"
                                    + " at step t (greedy keeps 1 token, the argmax)",
                            m -> fmt(m.meanNucleus(), "%.1f")),
                    new Row(
                            "distinct-1 / distinct-2 (share)",
                            "unique tokens / all tokens, and unique token pairs / all pairs;"
                                    + " 1.0 means nothing repeated",
                            m -> fmt(m.distinct1(), "%.3f") + " / " + fmt(m.distinct2(), "%.3f")),
                    new Row(
                            "repeated 4-grams (share)",
                            "4-token sequences that already appeared earlier / all 4-token"
                                    + " sequences: a measure of loops and degeneration",
                            m -> fmt(m.repetition4(), "%.3f")));

    private MetricRows() {}

    static String fmt(double v, String format) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v);
    }
}
