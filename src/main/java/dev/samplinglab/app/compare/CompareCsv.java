package dev.samplinglab.app.compare;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.app.io.ExportMeta;
import dev.samplinglab.app.io.ExportNumbers;
import dev.samplinglab.app.io.HistoryCsv;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison as CSV (RFC 4180): one row per column and step (numbered from 1 as in the window)
 * with the token, its coin and probabilities, the column's running metrics up to that step and the
 * export's metadata ({@link ExportMeta#CSV_COLUMNS}).
 */
public final class CompareCsv {
    private CompareCsv() {}

    public static final List<String> HEADER =
            List.of(
                    "column",
                    "strategy",
                    "coins",
                    "step",
                    "token_id",
                    "piece",
                    "coin",
                    "p_chosen",
                    "p_chosen_raw",
                    "entropy_final_bits",
                    "kept_tokens",
                    "diverged",
                    "mean_log_prob",
                    "perplexity",
                    "distinct_1",
                    "distinct_2",
                    "repeated_4grams");

    /**
     * One column of the comparison.
     *
     * @param strategy the strategy in words
     * @param history its steps
     * @param divergence the step where it left the first column's text, -1 if never
     */
    public record Column(String strategy, List<StepResult> history, int divergence) {}

    public static String format(
            List<Column> columns, boolean commonRandomNumbers, ExportMeta meta) {
        StringBuilder sb = new StringBuilder();
        HistoryCsv.row(sb, HistoryCsv.concat(HEADER, ExportMeta.CSV_COLUMNS));
        String coins = commonRandomNumbers ? "common" : "independent";
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            for (int i = 0; i < col.history().size(); i++) {
                StepResult s = col.history().get(i);
                StepTrace t = s.trace();
                RunMetrics m = RunMetrics.ofResults(col.history().subList(0, i + 1));
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(c + 1));
                row.add(col.strategy());
                row.add(coins);
                row.add(Integer.toString(s.index() + 1));
                row.add(Integer.toString(s.tokenId()));
                row.add(s.piece());
                row.add(num(t.coin()));
                row.add(num(t.chosenProb()));
                row.add(num(t.chosenRawProb()));
                row.add(num(t.entropyFinalBits()));
                row.add(Integer.toString(t.finalDist().keptCount()));
                row.add(Boolean.toString(col.divergence() >= 0 && i >= col.divergence()));
                row.add(num(m.meanLogProb()));
                row.add(num(m.perplexity()));
                row.add(num(m.distinct1()));
                row.add(num(m.distinct2()));
                row.add(num(m.repetition4()));
                row.addAll(meta.csvValues());
                HistoryCsv.row(sb, row);
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return ExportNumbers.num(v);
    }
}
