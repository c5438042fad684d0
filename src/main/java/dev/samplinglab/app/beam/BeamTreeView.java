package dev.samplinglab.app.beam;

import dev.samplinglab.app.chart.ChartTheme;
import dev.samplinglab.app.chart.Palette;
import dev.samplinglab.engine.generate.beam.BeamCandidate;
import dev.samplinglab.engine.generate.beam.Fate;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

/**
 * The beam tree: one column per step, left to right. Each node is a candidate labelled with its
 * token and probability; edges are as wide as the token's probability; kept beams are blue, the
 * best sequence's path outlined, finished hypotheses green, pruned and skipped candidates grey. The
 * greedy path runs in its own lane underneath; the step where greedy first misses the likelier
 * sentence is marked. Hovering a node shows its full text.
 */
public final class BeamTreeView extends Region {
    private static final Color KEPT_FILL = Color.web("#d6e9f6");
    private static final Color FINISHED_FILL = Color.web("#cdeee2");
    private static final Color GREY_FILL = Color.web("#f0f0f0");
    private static final Color GREY = Color.web("#a8a8a8");
    private static final Color GREEDY_FILL = Color.web("#fbe7c2");

    private final Canvas canvas = new Canvas();
    private final Tooltip tip = new Tooltip();
    private ChartTheme theme = ChartTheme.NORMAL;
    private BeamSnapshot snap = BeamSnapshot.empty(null);
    private BeamTreeLayout layout;
    private String hoverText;

    public BeamTreeView() {
        getStyleClass().add("beam-tree");
        setId("beam-tree");
        getChildren().add(canvas);
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription("chart");
        setAccessibleText(snap.summary());
        setFocusTraversable(true);
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        Tooltip.install(canvas, tip);
        canvas.setOnMouseMoved(e -> hover(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hoverText = null);
    }

    public void show(BeamSnapshot snapshot) {
        this.snap = snapshot;
        this.layout = snapshot.settings() == null ? null : BeamTreeLayout.of(snapshot);
        setAccessibleText(snapshot.summary());
        resize();
        draw();
    }

    public void setTheme(ChartTheme theme) {
        this.theme = theme;
        resize();
        draw();
    }

    private double colWidth() {
        return 122 * theme.scale();
    }

    private double rowHeight() {
        return 30 * theme.scale();
    }

    private double boxWidth() {
        return 102 * theme.scale();
    }

    private double boxHeight() {
        return 22 * theme.scale();
    }

    private double top() {
        return 26 * theme.scale();
    }

    private void resize() {
        int columns = layout == null ? 1 : layout.columns();
        int rows = layout == null ? 1 : layout.rows();
        double w = 20 + columns * colWidth() + 90 * theme.scale();
        double h = top() + (rows + 2) * rowHeight() + 8;
        canvas.setWidth(w);
        canvas.setHeight(h);
        setMinSize(w, h);
        setPrefSize(w, h);
        setMaxSize(w, h);
    }

    double x(int column) {
        return 10 + column * colWidth();
    }

    double y(double row) {
        return top() + row * rowHeight();
    }

    private double greedyRow() {
        return layout.rows() + 0.7;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (layout == null) {
            return;
        }
        drawHeaders(g);
        List<BeamTreeLayout.Node> nodes = layout.nodes();
        for (BeamTreeLayout.Node n : nodes) {
            if (n.parent() >= 0) {
                drawEdge(g, nodes.get(n.parent()), n);
            }
        }
        drawGreedy(g);
        for (BeamTreeLayout.Node n : nodes) {
            drawNode(g, n);
        }
        drawTotals(g);
    }

    /** log p of the best beam and of greedy at the end of their rows. */
    private void drawTotals(GraphicsContext g) {
        int steps = snap.stepCount();
        if (steps == 0) {
            return;
        }
        g.setFont(font(FontWeight.BOLD, 10.5));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double x = x(layout.columns() - 1) + boxWidth() + 6;
        BeamTreeLayout.Node leaf = null;
        for (BeamTreeLayout.Node n : layout.nodes()) {
            if (n.onBest() && (leaf == null || n.column() > leaf.column())) {
                leaf = n;
            }
        }
        if (leaf != null && leaf.candidate() != null) {
            g.setFill(Palette.VERMILLION);
            g.fillText(
                    String.format(Locale.ROOT, "log p %.2f", leaf.candidate().score()),
                    x(leaf.column()) + boxWidth() + 6,
                    y(leaf.row()) + boxHeight() / 2);
        }
        int n = snap.greedyTokens().length;
        if (n > 0) {
            g.setFill(Palette.ORANGE.darker());
            g.fillText(
                    String.format(Locale.ROOT, "log p %.2f", snap.greedyLogProb(n)),
                    Math.min(x, x(n) + boxWidth() + 6),
                    y(greedyRow()) + boxHeight() / 2);
        }
    }

    private void drawHeaders(GraphicsContext g) {
        int miss = snap.greedyMissStep();
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        for (int c = 0; c < layout.columns(); c++) {
            boolean marked = c - 1 == miss;
            g.setFont(font(marked ? FontWeight.BOLD : FontWeight.NORMAL, 11));
            g.setFill(marked ? Palette.VERMILLION : theme.muted());
            String label = c == 0 ? "prompt" : "step " + c;
            if (marked) {
                label = "★ " + label;
                g.setStroke(Palette.VERMILLION);
                g.setLineWidth(1);
                g.setLineDashes(3, 3);
                double x = x(c) - 6;
                g.strokeLine(x, top() - 6, x, y(greedyRow()) + boxHeight());
                g.setLineDashes();
            }
            g.fillText(label, x(c), top() / 2);
        }
    }

    private void drawEdge(GraphicsContext g, BeamTreeLayout.Node from, BeamTreeLayout.Node to) {
        double p = to.probability();
        g.setLineWidth(0.6 + 7 * p * theme.scale());
        g.setStroke(edgeColour(to));
        double x0 = x(from.column()) + boxWidth();
        double y0 = y(from.row()) + boxHeight() / 2;
        double x1 = x(to.column());
        double y1 = y(to.row()) + boxHeight() / 2;
        double mid = (x0 + x1) / 2;
        g.beginPath();
        g.moveTo(x0, y0);
        g.bezierCurveTo(mid, y0, mid, y1, x1, y1);
        g.stroke();
    }

    private Color edgeColour(BeamTreeLayout.Node n) {
        return switch (n.fate()) {
            case KEPT -> n.onBest() ? Palette.BLUE : Palette.SKY;
            case FINISHED -> Palette.GREEN;
            default -> Color.web("#d8d8d8");
        };
    }

    private void drawNode(GraphicsContext g, BeamTreeLayout.Node n) {
        double x = x(n.column());
        double y = y(n.row());
        Fate fate = n.fate();
        g.setFill(
                switch (fate) {
                    case KEPT -> KEPT_FILL;
                    case FINISHED -> FINISHED_FILL;
                    default -> GREY_FILL;
                });
        g.fillRoundRect(x, y, boxWidth(), boxHeight(), 8, 8);
        g.setStroke(
                n.onBest()
                        ? Palette.VERMILLION
                        : switch (fate) {
                            case KEPT -> Palette.BLUE;
                            case FINISHED -> Palette.GREEN;
                            default -> GREY;
                        });
        g.setLineWidth(n.onBest() ? 2.2 : 1);
        if (fate == Fate.EOS_SKIPPED) {
            g.setLineDashes(3, 2);
        }
        g.strokeRoundRect(x, y, boxWidth(), boxHeight(), 8, 8);
        g.setLineDashes();
        boolean grey =
                fate == Fate.PRUNED || fate == Fate.EOS_SKIPPED || fate == Fate.FINISHED_DROPPED;
        g.setFill(grey ? Color.web("#8a8a8a") : theme.text());
        g.setFont(font(n.onBest() ? FontWeight.BOLD : FontWeight.NORMAL, 11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label(n), x + 5, y + boxHeight() / 2, boxWidth() - 8);
    }

    private String label(BeamTreeLayout.Node n) {
        if (n.candidate() == null) {
            return "prompt";
        }
        BeamCandidate c = n.candidate();
        String mark =
                switch (c.fate()) {
                    case FINISHED -> "✓ ";
                    case EOS_SKIPPED -> "✗ ";
                    default -> "";
                };
        return mark
                + shown(snap.piece(c.token()))
                + String.format(Locale.ROOT, "  %.2f", Math.exp(c.tokenLogProb()));
    }

    private void drawGreedy(GraphicsContext g) {
        int[] tokens = snap.greedyTokens();
        double row = greedyRow();
        g.setFont(font(FontWeight.BOLD, 11));
        g.setFill(Palette.ORANGE.darker());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText("greedy", x(0) + 5, y(row) + boxHeight() / 2);
        double prevX = x(0) + boxWidth();
        for (int i = 0; i < tokens.length && i + 1 < layout.columns(); i++) {
            double p = Math.exp(snap.greedyLogProbs()[i]);
            double x = x(i + 1);
            double yMid = y(row) + boxHeight() / 2;
            g.setStroke(Palette.ORANGE);
            g.setLineWidth(0.6 + 7 * p * theme.scale());
            g.setLineDashes(6, 3);
            g.strokeLine(prevX, yMid, x, yMid);
            g.setLineDashes();
            g.setFill(GREEDY_FILL);
            g.fillRoundRect(x, y(row), boxWidth(), boxHeight(), 8, 8);
            g.setStroke(Palette.ORANGE);
            g.setLineWidth(1);
            g.strokeRoundRect(x, y(row), boxWidth(), boxHeight(), 8, 8);
            g.setFill(theme.text());
            g.setFont(font(FontWeight.NORMAL, 11));
            g.fillText(
                    shown(snap.piece(tokens[i])) + String.format(Locale.ROOT, "  %.2f", p),
                    x + 5,
                    yMid,
                    boxWidth() - 8);
            prevX = x + boxWidth();
        }
    }

    private Font font(FontWeight weight, double size) {
        return Font.font("DejaVu Sans", weight, size * theme.scale());
    }

    /** Whitespace made visible so a token of spaces or a newline still shows. */
    static String shown(String piece) {
        return piece.replace("\n", "↵").replace(' ', '·');
    }

    // ---- hover -----------------------------------------------------------------------------

    private void hover(double mx, double my) {
        BeamTreeLayout.Node n = nodeAt(mx, my);
        hoverText = n == null ? greedyAt(mx, my) : describe(n);
        if (hoverText == null) {
            tip.setText("");
            tip.hide();
        } else {
            tip.setText(hoverText);
        }
    }

    /** The node under a point of the canvas, or null. */
    public BeamTreeLayout.Node nodeAt(double mx, double my) {
        if (layout == null) {
            return null;
        }
        for (BeamTreeLayout.Node n : layout.nodes()) {
            double x = x(n.column());
            double y = y(n.row());
            if (mx >= x && mx <= x + boxWidth() && my >= y && my <= y + boxHeight()) {
                return n;
            }
        }
        return null;
    }

    private String greedyAt(double mx, double my) {
        if (layout == null) {
            return null;
        }
        double y = y(greedyRow());
        if (my < y || my > y + boxHeight()) {
            return null;
        }
        int n = snap.greedyTokens().length;
        return n == 0
                ? null
                : String.format(
                        Locale.ROOT,
                        "Greedy: %s%nlog p = %.3f over %d tokens",
                        snap.greedyText(),
                        snap.greedyLogProb(n),
                        n);
    }

    /** The hover text of a node: its full text, then its numbers. */
    public static String describe(BeamTreeLayout.Node n) {
        BeamCandidate c = n.candidate();
        if (c == null) {
            return "Prompt: " + n.text();
        }
        String finished =
                Double.isNaN(c.finishedScore())
                        ? ""
                        : String.format(
                                Locale.ROOT, " · length-penalised score %.3f", c.finishedScore());
        return String.format(
                Locale.ROOT,
                "%s%nstep %d · rank %d from beam %d · p = %.3f · cumulative log p = %.3f · %s%s",
                n.text(),
                n.column(),
                c.rank() + 1,
                c.parent() + 1,
                Math.exp(c.tokenLogProb()),
                c.score(),
                c.fate().label().replace('_', ' '),
                finished);
    }

    /** The text the tooltip shows now (null when the pointer is on no node). */
    public String hoverText() {
        return hoverText;
    }

    public BeamTreeLayout treeLayout() {
        return layout;
    }

    /** Screen-independent centre of node {@code n} in this region's coordinates. */
    public double[] centreOf(BeamTreeLayout.Node n) {
        return new double[] {x(n.column()) + boxWidth() / 2, y(n.row()) + boxHeight() / 2};
    }

    @Override
    protected void layoutChildren() {
        canvas.relocate(0, 0);
    }
}
