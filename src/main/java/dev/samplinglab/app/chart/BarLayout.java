package dev.samplinglab.app.chart;

/**
 * The x layout every chart of the stack shares: N token slots and a "rest of vocabulary" slot after
 * a small gap, between fixed left and right margins, so bars align vertically.
 */
public final class BarLayout {
    /** Room for the y tick labels on the left. */
    public static final double LEFT = 58;

    /** Room for the cumulative axis on the right. */
    public static final double RIGHT = 46;

    private static final double REST_GAP = 0.6;
    private static final double FILL = 0.74;

    private final double width;
    private final int count;
    private final double slot;

    public BarLayout(double width, int count) {
        this.width = width;
        this.count = count;
        this.slot = Math.max(1, width - LEFT - RIGHT) / (count + 1 + REST_GAP);
    }

    public int count() {
        return count;
    }

    public double slotWidth() {
        return slot;
    }

    public double barWidth() {
        return slot * FILL;
    }

    /** Centre x of display token i; i == count() is the rest slot. */
    public double center(int i) {
        double gap = i >= count ? REST_GAP : 0;
        return LEFT + (i + 0.5 + gap) * slot;
    }

    /** Left edge of the bar of token i (or the rest slot). */
    public double barLeft(int i) {
        return center(i) - barWidth() / 2;
    }

    /** X of the boundary after the first k tokens (the top-k cutoff marker). */
    public double boundaryAfter(int k) {
        return k >= count ? center(count) - slot / 2 - REST_GAP * slot / 2 : LEFT + k * slot;
    }

    /** Slot under x: a token index, count() for the rest slot, -1 outside. */
    public int slotAt(double x) {
        for (int i = 0; i <= count; i++) {
            if (Math.abs(x - center(i)) <= slot / 2) {
                return i;
            }
        }
        return -1;
    }

    public double plotRight() {
        return width - RIGHT;
    }
}
