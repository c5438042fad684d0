package dev.samplinglab.app.chart;

import java.util.Locale;
import java.util.function.IntConsumer;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * One stage of the pipeline drawn on a canvas: bars over the shared {@link BarLayout}, plus the
 * stage's markers (ghost bars, top-k cutoff, cumulative line and p line, crossing token, min-p
 * threshold, chosen token and the coin strip).
 */
public class StageChart extends CanvasChart {
    private final Tooltip tooltip = new Tooltip();
    private ChartData data;
    private IntConsumer onBarClicked = i -> {};
    private double sharedMax = Double.NaN;

    public StageChart() {
        super("stage-chart");
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tooltip);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> updateTooltip(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> click(e.getX()));
        setAccessibleText("Chart: no step shown yet");
        updateHeights();
    }

    /** Room for the header, a readable plot and (final chart) the coin strip. */
    private void updateHeights() {
        double fixed = header() + 8 + stripHeight();
        setMinHeight(fixed + 44 * theme.scale());
        setPrefHeight(fixed + 110 * theme.scale());
    }

    public void setData(ChartData data) {
        this.data = data;
        if (getId() == null || getId().startsWith("chart-")) {
            setId("chart-" + data.kind()); // an id given by the owner stays
        }
        setAccessibleText(data.summary());
        updateHeights();
        draw();
    }

    public ChartData data() {
        return data;
    }

    @Override
    protected void themeChanged() {
        updateHeights();
    }

    /** Called with the display index of a clicked bar. */
    public void setOnBarClicked(IntConsumer handler) {
        this.onBarClicked = handler;
    }

    public BarLayout barLayout() {
        return new BarLayout(getWidth(), data == null ? 0 : data.size());
    }

    /** X of the top-k cutoff marker, NaN when this chart has none. */
    public double cutoffMarkerX() {
        return data == null || data.cutoffIndex() < 0
                ? Double.NaN
                : barLayout().boundaryAfter(data.cutoffIndex());
    }

    /** Y of the horizontal p line, NaN when this chart has none. */
    public double pLineY() {
        return data == null || Double.isNaN(data.pLine()) ? Double.NaN : unitY(data.pLine());
    }

    /** X of the crossing-token marker, NaN when none is shown. */
    public double crossingMarkerX() {
        return data == null || data.crossingIndex() < 0
                ? Double.NaN
                : barLayout().center(data.crossingIndex());
    }

    /**
     * Fixes the y-axis maximum (a probability scale shared with other charts, so bar heights
     * compare across stages and columns); NaN fits the axis to this chart's own data.
     */
    public void setSharedMax(double max) {
        if (Double.compare(max, sharedMax) != 0) {
            sharedMax = max;
            draw();
        }
    }

    /** The y-axis maximum in use. */
    public double yMax() {
        if (data == null) {
            return Double.NaN;
        }
        return Double.isNaN(sharedMax) ? ChartScale.niceMax(ChartScale.max(data)) : sharedMax;
    }

    /**
     * X where the coin's connector meets the picked bar (its centre), NaN when this chart has no
     * coin strip or the pick was greedy.
     */
    public double coinConnectorX() {
        if (data == null || data.cdf() == null || data.chosenIndex() < 0) {
            return Double.NaN;
        }
        return CdfPainter.connectorX(data.cdf(), barLayout().center(data.chosenIndex()));
    }

    /** Header height: one line when title and detail fit (always on a projector), else two. */
    private double header() {
        if (theme.projector()) {
            return 21;
        }
        return (oneLineHeader() ? 18 : 34) * theme.scale();
    }

    /** Height of the plot area in px (bars and axes, without header and coin strip). */
    public double plotHeight() {
        return plotBottom() - plotTop();
    }

    /** Title and explanation fit side by side: one header line, more room for the bars. */
    private boolean oneLineHeader() {
        if (data == null || canvas.getWidth() <= 0) {
            return false;
        }
        return 8
                        + width(data.title(), theme.titleFont())
                        + 14
                        + width(data.detail(), theme.detailFont())
                < canvas.getWidth() - 8;
    }

    private static double width(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    private double stripHeight() {
        if (data == null || data.cdf() == null) {
            return 0;
        }
        return theme.projector() ? 46 : 54 * theme.scale();
    }

    double plotTop() {
        return header() + 4;
    }

    double plotBottom() {
        return canvas.getHeight() - 4 - stripHeight();
    }

    private double unitY(double v) {
        return plotBottom() - v * (plotBottom() - plotTop());
    }

    /** Redraws everything from the data; cheap (a few dozen rectangles). */
    @Override
    public final void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (data == null || w < 10 || h < 10) {
            return;
        }
        g.save();
        try {
            paint(g, w);
        } finally {
            g.restore();
        }
    }

    private void paint(GraphicsContext g, double w) {
        BarLayout layout = barLayout();
        drawHeader(g, w);
        ChartPainter painter =
                new ChartPainter(g, theme, layout, data, plotTop(), plotBottom(), yMax());
        painter.axes();
        painter.keptRegion();
        painter.bars();
        painter.markers();
        painter.caveat();
        if (data.cdf() != null) {
            double s = theme.projector() ? 1 : theme.scale();
            double barX = data.chosenIndex() < 0 ? Double.NaN : layout.center(data.chosenIndex());
            new CdfPainter(g, theme, data.cdf(), plotBottom() + 8 * s, 20 * s)
                    .draw(BarLayout.LEFT, layout.plotRight(), barX, plotBottom());
        }
    }

    private void drawHeader(GraphicsContext g, double w) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFill(theme.text());
        g.setFont(theme.titleFont());
        g.fillText(data.title(), 8, 3);
        g.setFill(theme.muted());
        g.setFont(theme.detailFont());
        if (theme.projector()) {
            double x = 8 + width(data.title(), theme.titleFont()) + 14;
            g.fillText(clip(data.detail(), theme.detailFont(), w - x - 8), x, 3);
        } else if (oneLineHeader()) {
            double x = 8 + width(data.title(), theme.titleFont()) + 14;
            g.fillText(data.detail(), x, 3 + 1.5 * theme.scale());
        } else {
            g.fillText(data.detail(), 8, 3 + 16 * theme.scale(), Math.max(50, w - 16));
        }
    }

    /** The text cut with an ellipsis to fit {@code room} px (the tooltip has all of it). */
    private static String clip(String text, javafx.scene.text.Font font, double room) {
        if (width(text, font) <= room) {
            return text;
        }
        int n = text.length();
        while (n > 1 && width(text.substring(0, n) + "…", font) > room) {
            n = Math.max(1, n - Math.max(1, n / 8));
        }
        return text.substring(0, n) + "…";
    }

    private void updateTooltip(double x) {
        if (data == null) {
            return;
        }
        int i = barLayout().slotAt(x);
        if (i < 0) {
            tooltip.setText(
                    data.title()
                            + "\n"
                            + data.detail()
                            + (data.caveat().isEmpty() ? "" : "\n⚠ " + data.caveat()));
        } else if (i == data.size()) {
            tooltip.setText(
                    String.format(
                            Locale.ROOT,
                            data.restUnseen()
                                    ? "rest of the vocabulary: %.4f (not sent by the server: how"
                                            + " it is spread is unknown)"
                                    : "rest of the vocabulary: %.4f",
                            data.rest()));
        } else {
            tooltip.setText(
                    String.format(
                                    Locale.ROOT,
                                    "%s  p = %.4f%s%s",
                                    data.pieces().get(i),
                                    data.values()[i],
                                    data.ghosts() == null
                                            ? ""
                                            : String.format(
                                                    Locale.ROOT,
                                                    " (outline %.4f)",
                                                    data.ghosts()[i]),
                                    data.kept()[i] ? "" : "  dropped")
                            + (data.cdf() != null && i != data.chosenIndex()
                                    ? "\nclick: take this token instead (branch)"
                                    : ""));
        }
    }

    private void click(double x) {
        int i = data == null ? -1 : barLayout().slotAt(x);
        if (i >= 0 && i < data.size()) {
            onBarClicked.accept(i);
        }
    }

    static Color withAlpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
