package dev.samplinglab.app.chart;

import java.util.List;

/**
 * Display data of one stage chart, already reduced to the window's N display tokens plus a "rest of
 * vocabulary" slot. Pure data: computed without the toolkit so tests can check it directly.
 *
 * @param kind chart kind: "raw", "final" or a stage trace name such as "top_k"
 * @param title short title drawn in the chart's corner
 * @param detail one-line explanation (parameters, boundary rule, counts)
 * @param pieces display pieces of the N tokens, in display order
 * @param values bar heights (probabilities), one per token
 * @param ghosts second series drawn as outlined ghost bars, or null
 * @param kept whether each token survives this chart's stage
 * @param rest mass of every token outside the N display tokens
 * @param restGhost ghost value of the rest slot (NaN when there is no ghost series)
 * @param chosenIndex display index of the chosen token (final chart), -1 otherwise
 * @param crossingIndex display index of the top-p crossing token, -1 otherwise
 * @param cutoffIndex top-k: number of leading bars kept (the marker sits after them), -1 otherwise
 * @param cumulative top-p: cumulative probability per bar, or null
 * @param pLine top-p: the p threshold on the cumulative axis, NaN otherwise
 * @param threshold absolute probability threshold line (min-p), NaN otherwise
 * @param cdf the coin strip of the final chart, or null
 * @param summary one-sentence description for screen readers ({@link ChartSummary})
 * @param caveat for a step over an inference server's top-N, what this stage could not see
 *     ("extends past the 20 tokens the server sent"); empty when its answer is exact or the model
 *     is local
 * @param restUnseen whether the rest slot is mass the server did not send (drawn hatched)
 */
public record ChartData(
        String kind,
        String title,
        String detail,
        List<String> pieces,
        double[] values,
        double[] ghosts,
        boolean[] kept,
        double rest,
        double restGhost,
        int chosenIndex,
        int crossingIndex,
        int cutoffIndex,
        double[] cumulative,
        double pLine,
        double threshold,
        CdfStrip cdf,
        String summary,
        String caveat,
        boolean restUnseen) {

    public ChartData {
        caveat = caveat == null ? "" : caveat;
        pieces = List.copyOf(pieces);
        summary = summary == null || summary.isBlank() ? title + ": " + detail : summary;
    }

    /** Chart data of a complete distribution: no truncation caveat, the rest bar is known mass. */
    public ChartData(
            String kind,
            String title,
            String detail,
            List<String> pieces,
            double[] values,
            double[] ghosts,
            boolean[] kept,
            double rest,
            double restGhost,
            int chosenIndex,
            int crossingIndex,
            int cutoffIndex,
            double[] cumulative,
            double pLine,
            double threshold,
            CdfStrip cdf,
            String summary) {
        this(
                kind,
                title,
                detail,
                pieces,
                values,
                ghosts,
                kept,
                rest,
                restGhost,
                chosenIndex,
                crossingIndex,
                cutoffIndex,
                cumulative,
                pLine,
                threshold,
                cdf,
                summary,
                "",
                false);
    }

    /**
     * The same chart for a step over an inference server's top-N: {@code caveat} is what this stage
     * could not see (empty when its answer is exact) and the rest bar is mass the server did not
     * send, spread over tokens the app never saw.
     */
    public ChartData truncated(String caveat) {
        return new ChartData(
                kind,
                title,
                detail,
                pieces,
                values,
                ghosts,
                kept,
                rest,
                restGhost,
                chosenIndex,
                crossingIndex,
                cutoffIndex,
                cumulative,
                pLine,
                threshold,
                cdf,
                caveat.isEmpty() ? summary : summary + " Caveat: " + caveat + ".",
                caveat,
                true);
    }

    /** Number of display tokens (bars without the rest slot). */
    public int size() {
        return values.length;
    }

    /** Number of display tokens marked kept. */
    public int keptShown() {
        int n = 0;
        for (boolean k : kept) {
            n += k ? 1 : 0;
        }
        return n;
    }

    /**
     * The coin strip under the final chart: the picker's cumulative distribution over [0, 1].
     *
     * @param segments probabilities of the kept display tokens in picking order, then the rest
     * @param labels a piece per segment ("rest" for the last)
     * @param coin the uniform number u the picker drew
     * @param chosenSegment index of the chosen token's segment
     * @param greedy whether the coin was ignored (argmax picker)
     */
    public record CdfStrip(
            double[] segments,
            List<String> labels,
            double coin,
            int chosenSegment,
            boolean greedy) {
        public CdfStrip {
            labels = List.copyOf(labels);
        }
    }
}
