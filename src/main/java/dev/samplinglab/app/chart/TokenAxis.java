package dev.samplinglab.app.chart;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.TextAlignment;

/** The display pieces under the chart stack, slanted, one per slot of the shared layout. */
public class TokenAxis extends CanvasChart {
    private List<String> pieces = List.of();
    private int chosenIndex = -1;

    public TokenAxis() {
        super("token-axis");
        setFocusTraversable(false); // the stage charts above say the same
        setAccessibleText(ChartDescriptions.tokenAxis(pieces, -1));
        updateHeight();
    }

    public void setPieces(List<String> pieces, int chosenIndex) {
        this.pieces = List.copyOf(pieces);
        this.chosenIndex = chosenIndex;
        setAccessibleText(ChartDescriptions.tokenAxis(this.pieces, chosenIndex));
        draw();
    }

    public List<String> pieces() {
        return pieces;
    }

    @Override
    protected void themeChanged() {
        updateHeight();
    }

    private boolean horizontal;

    /** Slanted labels need room below the bars; horizontal ones one line. */
    private void updateHeight() {
        double line = theme.pieceFont(false).getSize();
        fixHeight(horizontal ? line + 12 : (theme.projector() ? 62 : 64 * theme.scale()));
    }

    /** Whether every label fits its slot written horizontally. */
    private boolean labelsFitFlat(BarLayout layout) {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(theme.pieceFont(true));
        for (String p : pieces) {
            t.setText(clip(p));
            if (t.getLayoutBounds().getWidth() > layout.slotWidth() - 4) {
                return false;
            }
        }
        return true;
    }

    /** Whether the labels are drawn horizontally (they all fit their slots). */
    public boolean horizontal() {
        return horizontal;
    }

    @Override
    protected void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (pieces.isEmpty()) {
            return;
        }
        BarLayout layout = new BarLayout(canvas.getWidth(), pieces.size());
        boolean flat = labelsFitFlat(layout);
        if (flat != horizontal) {
            horizontal = flat;
            updateHeight(); // relayout redraws at the new height
        }
        if (flat) {
            drawFlat(g, layout);
            return;
        }
        double maxLen = (canvas.getHeight() - 6) / Math.sin(Math.toRadians(50));
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        // slanted labels need about one line height of slot each; show every k-th when crowded
        int every = (int) Math.ceil(15 * theme.scale() / layout.slotWidth());
        for (int i = 0; i <= pieces.size(); i++) {
            boolean rest = i == pieces.size();
            boolean chosen = i == chosenIndex;
            if (!rest && !chosen && i % every != 0) {
                continue;
            }
            g.setFont(theme.pieceFont(chosen));
            g.setFill(chosen ? Palette.VERMILLION : rest ? theme.muted() : theme.text());
            g.save();
            g.translate(layout.center(i) + 4, 4);
            g.rotate(-50);
            g.fillText(rest ? "rest" : clip(pieces.get(i)), 0, 0, maxLen);
            g.restore();
        }
    }

    private void drawFlat(GraphicsContext g, BarLayout layout) {
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= pieces.size(); i++) {
            boolean rest = i == pieces.size();
            boolean chosen = i == chosenIndex;
            g.setFont(theme.pieceFont(chosen));
            g.setFill(chosen ? Palette.VERMILLION : rest ? theme.muted() : theme.text());
            g.fillText(rest ? "rest" : clip(pieces.get(i)), layout.center(i), 4);
        }
    }

    private static String clip(String piece) {
        return piece.length() > 14 ? piece.substring(0, 13) + "…" : piece;
    }
}
