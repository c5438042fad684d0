package dev.samplinglab.app.io;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The step history as CSV (RFC 4180: comma separated, quoted fields, CRLF line ends). Steps are
 * numbered from 1 as in the window; every row also carries the strategy it was drawn with and the
 * export's metadata ({@link ExportMeta#CSV_COLUMNS}), so a row copied elsewhere still says where it
 * came from.
 */
public final class HistoryCsv {
    private HistoryCsv() {}

    public static final List<String> HEADER =
            List.of(
                    "step",
                    "token_id",
                    "piece",
                    "forced",
                    "greedy",
                    "coin",
                    "p_chosen",
                    "p_chosen_raw",
                    "surprisal_bits",
                    "entropy_raw_bits",
                    "entropy_final_bits",
                    "kept_tokens",
                    "nucleus_size",
                    "cache_length",
                    "millis",
                    "strategy");

    /**
     * @param history the steps
     * @param meta model, prompt, seed, date
     * @param strategyOf the strategy a step was drawn with, in words
     */
    public static String format(
            List<StepResult> history, ExportMeta meta, Function<StepResult, String> strategyOf) {
        StringBuilder sb = new StringBuilder();
        row(sb, concat(HEADER, ExportMeta.CSV_COLUMNS));
        for (StepResult step : history) {
            StepTrace t = step.trace();
            List<String> fields =
                    List.of(
                            Integer.toString(step.index() + 1),
                            Integer.toString(step.tokenId()),
                            step.piece(),
                            Boolean.toString(step.forced()),
                            Boolean.toString(t.greedy()),
                            num(t.coin()),
                            num(t.chosenProb()),
                            num(t.chosenRawProb()),
                            num(t.surprisalBits()),
                            num(t.entropyRawBits()),
                            num(t.entropyFinalBits()),
                            Integer.toString(t.finalDist().keptCount()),
                            Integer.toString(nucleusSize(t)),
                            Integer.toString(step.cacheLength()),
                            ExportNumbers.millis(step.millis()),
                            strategyOf.apply(step));
            row(sb, concat(fields, meta.csvValues()));
        }
        return sb.toString();
    }

    /** Two lists of fields, one after the other. */
    public static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Kept count of the top-p stage, or -1 when top-p was not active. */
    static int nucleusSize(StepTrace t) {
        for (StageTrace s : t.stages()) {
            if (s.kind() == StageKind.TOP_P) {
                return s.keptCount();
            }
        }
        return -1;
    }

    private static String num(double v) {
        return ExportNumbers.num(v);
    }

    public static void row(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /** Quotes a field when it holds a comma, quote, CR or LF (or leading/trailing spaces). */
    static String quote(String field) {
        boolean needs =
                field.contains(",")
                        || field.contains("\"")
                        || field.contains("\n")
                        || field.contains("\r")
                        || !field.equals(field.strip());
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
