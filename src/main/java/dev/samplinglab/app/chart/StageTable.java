package dev.samplinglab.app.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * The step charts as a table a screen reader can walk: one row per display token (then the rest of
 * the vocabulary), and per chart the probability drawn, whether the token is kept and, for the
 * final chart, which token was chosen. Built from the same {@link ChartData} the charts draw, so
 * the two always agree. Pure data, no toolkit.
 *
 * @param columns the probability columns, in order (chart titles, plus outlined series)
 * @param filters per probability column: whether it has a kept / dropped column beside it
 * @param rows one row per display token, then the rest
 */
public record StageTable(List<String> columns, List<Boolean> filters, List<Row> rows) {

    public StageTable {
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        rows = List.copyOf(rows);
    }

    /**
     * One row of the table.
     *
     * @param token the display piece ("rest of the vocabulary" for the last row)
     * @param probs probability per column of {@link #columns()}
     * @param kept kept (true) or dropped per column; meaningful where {@link #filters()} is true
     * @param chosen whether the final chart's chosen token is this one
     * @param rest whether this is the rest-of-the-vocabulary row
     */
    public record Row(String token, double[] probs, boolean[] kept, boolean chosen, boolean rest) {}

    /** The table of the charts {@code charts} (as {@link ChartDataBuilder#build} makes them). */
    public static StageTable of(List<ChartData> charts) {
        List<String> columns = new ArrayList<>();
        List<Boolean> filters = new ArrayList<>();
        for (ChartData c : charts) {
            columns.add(c.title());
            filters.add(!c.kind().equals("raw"));
            if (c.ghosts() != null) {
                columns.add(ghostTitle(c));
                filters.add(false);
            }
        }
        List<Row> rows = new ArrayList<>();
        int n = charts.isEmpty() ? 0 : charts.get(0).size();
        for (int i = 0; i <= n && !charts.isEmpty(); i++) {
            rows.add(row(charts, i, i == n, columns.size()));
        }
        return new StageTable(columns, filters, rows);
    }

    private static Row row(List<ChartData> charts, int i, boolean rest, int width) {
        double[] probs = new double[width];
        boolean[] kept = new boolean[width];
        int col = 0;
        boolean chosen = false;
        for (ChartData c : charts) {
            probs[col] = rest ? c.rest() : c.values()[i];
            kept[col++] = rest || c.kept()[i];
            if (c.ghosts() != null) {
                probs[col] = rest ? c.restGhost() : c.ghosts()[i];
                kept[col++] = true;
            }
            chosen |= !rest && c.chosenIndex() == i;
        }
        String token = rest ? "rest of the vocabulary" : charts.get(0).pieces().get(i);
        return new Row(token, probs, kept, chosen, rest);
    }

    /** Name of a chart's outlined series: after temperature (raw) or before a penalty. */
    private static String ghostTitle(ChartData c) {
        return c.kind().equals("raw") ? "After temperature" : c.title() + ", before";
    }
}
