package dev.samplinglab.app.io;

import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.List;
import java.util.Locale;

/** The step history as CSV (RFC 4180: comma separated, quoted fields, CRLF line ends). */
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
                    "millis");

    public static String format(List<StepResult> history) {
        StringBuilder sb = new StringBuilder();
        row(sb, HEADER);
        for (StepResult step : history) {
            StepTrace t = step.trace();
            row(
                    sb,
                    List.of(
                            Integer.toString(step.index()),
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
                            String.format(Locale.ROOT, "%.3f", step.millis())));
        }
        return sb.toString();
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
        return String.format(Locale.ROOT, "%.6g", v);
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
