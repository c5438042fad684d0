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
 * A strip chart over the steps so far: entropy, surprisal, nucleus size and kept mass, one row
 * each, sharing the step axis. The shown step is marked; clicking a step opens it.
 */
public class TimelineChart extends CanvasChart {
    private static final double RIGHT = 70;
    private static final Color[] COLORS = {
        Palette.BLUE, Palette.VERMILLION, Palette.GREEN, Palette.PURPLE
    };
    private final Tooltip tooltip = new Tooltip();
    private TimelineData data = TimelineData.of(java.util.List.of());
    private int selected = -1;
    private IntConsumer onPick = i -> {};

    public TimelineChart() {
        super("timeline-chart");
        tooltip.setShowDelay(Duration.millis(150));
        Tooltip.install(canvas, tooltip);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> pick(e.getX()));
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX()));
        updateHeight();
        setAccessibleText(ChartDescriptions.timeline(data, selected));
    }

    public void show(TimelineData data, int selected) {
        this.data = data;
        this.selected = selected;
        setAccessibleText(ChartDescriptions.timeline(data, selected));
        draw();
    }

    public void select(int step) {
        this.selected = step;
        setAccessibleText(ChartDescriptions.timeline(data, step));
        draw();
    }

    public TimelineData data() {
        return data;
    }

    @Override
    protected void themeChanged() {
        updateHeight();
    }

    /** Called with the step index of a click. */
    public void setOnPick(IntConsumer onPick) {
        this.onPick = onPick;
    }

    private double left() {
        return 150 * theme.scale(); // room for "entropy (model, T = 1)"
    }

    private void updateHeight() {
        double h = (4 * 22 + 8) * theme.scale();
        fixHeight(h);
    }

    /** X centre of step {@code i}. */
    public double stepX(int i) {
        int n = Math.max(1, data.size());
        double slot = (canvas.getWidth() - left() - RIGHT) / n;
        return left() + (i + 0.5) * slot;
    }

    /** The step under x, or -1. */
    public int stepAt(double x) {
        int n = data.size();
        double slot = (canvas.getWidth() - left() - RIGHT) / Math.max(1, n);
        int i = (int) Math.floor((x - left()) / slot);
        return n == 0 || x < left() || i < 0 ? -1 : Math.min(i, n - 1);
    }

    private void pick(double x) {
        int i = stepAt(x);
        if (i >= 0) {
            onPick.accept(i);
        }
    }

    private void hover(double x) {
        int i = stepAt(x);
        tooltip.setText(
                i < 0
                        ? "Click a step to open it"
                        : String.format(
                                Locale.ROOT,
                                "step %d · entropy %.2f bits · surprisal %.2f bits · nucleus %.0f"
                                        + " · kept mass %.3f",
                                i + 1,
                                data.entropyBits()[i],
                                data.surprisalBits()[i],
                                data.nucleus()[i],
                                data.keptMass()[i]));
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (w < left() + 40 || h < 20) {
            return;
        }
        double row = (h - 4) / 4;
        TimelineData.Series[] all = TimelineData.Series.values();
        for (int r = 0; r < all.length; r++) {
            strip(g, all[r], COLORS[r], 2 + r * row, row, w);
        }
        if (selected >= 0 && selected < data.size()) {
            g.setStroke(Palette.ORANGE);
            g.setLineWidth(2 * theme.line() / 1.5);
            double x = stepX(selected);
            g.strokeLine(x, 2, x, h - 2);
        }
    }

    private void strip(
            GraphicsContext g, TimelineData.Series s, Color c, double top, double h, double w) {
        double[] v = data.series(s);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, Double.isFinite(x) ? x : 0);
        }
        max = s == TimelineData.Series.KEPT_MASS ? 1 : (max == 0 ? 1 : max);
        g.setFill(Color.web("#f6f7f9"));
        g.fillRect(left(), top + 1, w - left() - RIGHT, h - 2);
        g.setFont(theme.tickFont());
        g.setFill(theme.muted());
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(s.label(), left() - 6, top + h / 2);
        int at = selected >= 0 && selected < v.length ? selected : v.length - 1;
        if (at >= 0) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(theme.text());
            String f =
                    s == TimelineData.Series.NUCLEUS
                            ? "%.0f"
                            : s == TimelineData.Series.KEPT_MASS ? "%.3f" : "%.2f";
            g.fillText(String.format(Locale.ROOT, f, v[at]), w - RIGHT + 6, top + h / 2);
        }
        g.setStroke(c);
        g.setFill(c);
        g.setLineWidth(theme.line());
        double dot = Math.max(3, Math.min(7, (w - left() - RIGHT) / Math.max(1, v.length) * 0.6));
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                continue;
            }
            double x = stepX(i);
            double y = top + h - 3 - v[i] / max * (h - 6);
            if (i > 0 && Double.isFinite(v[i - 1])) {
                double px = stepX(i - 1);
                double py = top + h - 3 - v[i - 1] / max * (h - 6);
                g.strokeLine(px, py, x, y);
            }
            g.fillOval(x - dot / 2, y - dot / 2, dot, dot);
        }
    }
}
