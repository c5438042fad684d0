package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Arrays;
import java.util.Map;

/**
 * Nucleus (top-p) sampling (Holtzman et al. 2019, https://arxiv.org/abs/1904.09751): keep the most
 * probable tokens until their cumulative probability reaches p. Tokens are walked in descending
 * probability with ties broken by the lower id, so with probabilities [0.5, 0.25, 0.25] and p =
 * 0.75 both rules keep ids 0 and 1: id 1 comes before id 2, its cumulative sum 0.75 reaches p, and
 * id 2 (mass before it 0.75) is dropped.
 *
 * <p>Cumulative sums are compared with p within {@link #TOLERANCE}, so an exact sum such as 0.5 +
 * 0.25 = 0.75 does not depend on how the softmax rounded. At least one token is always kept; p = 1
 * means off.
 */
public final class TopP extends DescribedStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    /** Absolute tolerance when a cumulative sum is compared with p. */
    public static final double TOLERANCE = 1e-9;

    private static final ParameterRange RANGE =
            new ParameterRange("top-p", "in (0, 1]", p -> p > 0 && p <= 1, "1 = off");

    private final double p;
    private final TopPRule rule;

    public TopP(double p, TopPRule rule) {
        super(StageKind.TOP_P, Map.of("p", p, "rule", rule(rule).cliName()));
        this.p = validate(p);
        this.rule = rule;
    }

    private static TopPRule rule(TopPRule rule) {
        if (rule == null) {
            throw new BadInputException("top-p rule must be inclusive or cumsum-le-p");
        }
        return rule;
    }

    public static double validate(double p) {
        return RANGE.check(p);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        int[] sorted = TokenOrder.sortedHead(in, p + TOLERANCE);
        double[] cumulative = new double[sorted.length];
        double sum = 0;
        int crossing = -1;
        for (int i = 0; i < sorted.length; i++) {
            sum += in.prob(sorted[i]);
            cumulative[i] = sum;
            if (crossing < 0 && sum >= p - TOLERANCE) {
                crossing = i;
            }
        }
        int keep = keptPrefix(cumulative, crossing);
        Distribution out = in.restrictTo(TokenOrder.ascendingCopy(Arrays.copyOf(sorted, keep)));
        int crossingId = crossing < 0 ? -1 : sorted[crossing];
        return new StageResult(out, crossingId, ids -> cumulativeOf(in, sorted, cumulative, ids));
    }

    /** Cumulative sums of {@code ids}: from the sorted head, or counted for tokens beyond it. */
    private static double[] cumulativeOf(
            Distribution in, int[] head, double[] headCumulative, int[] ids) {
        double[] out = new double[ids.length];
        int[] beyond =
                Arrays.stream(ids)
                        .filter(
                                id ->
                                        in.isKept(id)
                                                && TokenOrder.positionIn(head, in.logits, id) < 0)
                        .toArray();
        int[] beyondSorted = TokenOrder.sortDescending(beyond, in.logits);
        double[] massAhead = TokenOrder.ahead(in, beyondSorted, true);
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            int pos = in.isKept(id) ? TokenOrder.positionIn(head, in.logits, id) : -1;
            if (pos >= 0) {
                out[i] = headCumulative[pos];
            } else if (in.isKept(id)) {
                int b = TokenOrder.positionIn(beyondSorted, in.logits, id);
                out[i] = massAhead[b] + in.prob(id);
            } else {
                out[i] = 1.0;
            }
        }
        return out;
    }

    /** Number of tokens kept from the head of the sorted order. */
    private int keptPrefix(double[] cumulative, int crossing) {
        int n = cumulative.length;
        if (crossing < 0) {
            return n; // p not reached (p = 1 with rounding): keep everything
        }
        if (rule == TopPRule.INCLUSIVE) {
            return crossing + 1;
        }
        int keep = cumulative[crossing] <= p + TOLERANCE ? crossing + 1 : crossing;
        return Math.max(1, keep);
    }
}
