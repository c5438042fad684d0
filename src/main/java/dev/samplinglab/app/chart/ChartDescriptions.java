package dev.samplinglab.app.chart;

import dev.samplinglab.engine.generate.CacheLab;
import java.util.List;
import java.util.Locale;

/**
 * Accessible texts of the charts that are not stage charts (timeline, token axis, KV-cache timing
 * and grid): the numbers a sighted reader takes from them, in one sentence, without the toolkit.
 * The stage charts' texts come from {@link ChartSummary}.
 */
public final class ChartDescriptions {
    private ChartDescriptions() {}

    /** The timeline strip: how many steps, and the four series at the selected (or last) step. */
    public static String timeline(TimelineData data, int selected) {
        if (data.size() == 0) {
            return "Timeline: no steps yet";
        }
        int at = selected >= 0 && selected < data.size() ? selected : data.size() - 1;
        return String.format(
                Locale.ROOT,
                "Timeline of %d %s; step %d: entropy %.2f bits, surprisal %.2f bits, nucleus %.0f"
                        + " tokens, kept mass %.3f",
                data.size(),
                data.size() == 1 ? "step" : "steps",
                at + 1,
                data.entropyBits()[at],
                data.surprisalBits()[at],
                data.nucleus()[at],
                data.keptMass()[at]);
    }

    /** The token axis under a chart stack: the shown tokens in order and the chosen one. */
    public static String tokenAxis(List<String> pieces, int chosenIndex) {
        if (pieces.isEmpty()) {
            return "Token axis: no tokens shown";
        }
        String chosen =
                chosenIndex >= 0 && chosenIndex < pieces.size()
                        ? "; chosen '%s'".formatted(pieces.get(chosenIndex))
                        : "";
        List<String> first = pieces.subList(0, Math.min(10, pieces.size()));
        return "Token axis, %d tokens then the rest: '%s'%s%s"
                .formatted(
                        pieces.size(),
                        String.join("', '", first),
                        pieces.size() > first.size() ? ", ..." : "",
                        chosen);
    }

    /** The KV-cache timing chart: both lines at the last measured position. */
    public static String timing(List<CacheLab.Sample> samples, int positions) {
        if (samples.isEmpty()) {
            return "Milliseconds per token against position: no measurements yet";
        }
        CacheLab.Sample last = samples.get(samples.size() - 1);
        String uncached =
                Double.isNaN(last.uncachedMillis())
                        ? "not measured"
                        : String.format(Locale.ROOT, "%.1f ms", last.uncachedMillis());
        return String.format(
                Locale.ROOT,
                "Milliseconds per token against position, %d of %d positions measured; at"
                        + " position %d: with KV cache %.1f ms, without %s",
                samples.size(),
                positions,
                last.position(),
                last.cachedMillis(),
                uncached);
    }

    /** The KV-cache grid: how many cells are filled by prefill and by decode. */
    public static String cacheGrid(int layers, int positions, int prompt, int filled) {
        if (layers == 0 || positions == 0) {
            return "KV cache grid: empty";
        }
        return "KV cache grid, %d layers by %d positions: %d prefilled, %d decoded, %d empty"
                .formatted(
                        layers,
                        positions,
                        Math.min(prompt, filled),
                        Math.max(0, filled - prompt),
                        positions - filled);
    }
}
