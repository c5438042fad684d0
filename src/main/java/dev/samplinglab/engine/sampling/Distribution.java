package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Arrays;

/**
 * An immutable next-token distribution over the FULL vocabulary: logits plus the set of tokens
 * still kept. A dropped token has logit -infinity and probability 0; probabilities are the softmax
 * of the kept logits, so they always sum to 1 over the whole vocabulary.
 *
 * <p>Work is done in double. Probabilities are computed lazily from a shift and a normalizer, so a
 * stage that changes a few logits (penalties) or keeps a few tokens (top-k) does not pay for a full
 * pass of {@code exp} over the vocabulary.
 */
public final class Distribution {
    private static final double LN2 = Math.log(2);

    /** Logits by token id; only entries of {@link #support} are meaningful. Never mutated. */
    final double[] logits;

    /** Ids of the kept tokens, ascending; 0..n-1 when every token is kept. Never mutated. */
    final int[] support;

    private final double shift;
    private final double normalizer;
    private double[] probsAtPos;
    private boolean shiftIsMax; // the shift is exactly the largest kept logit

    /** Set by {@link #withChanged}: the distribution it was derived from ... */
    Distribution parent;

    /** ... and the only ids (ascending) whose logits differ from the parent's. */
    int[] changedIds;

    private double[] weights; // e^(l - shift) parallel to support, until turned into probsAtPos

    /** The kept probabilities may sum to less than 1: a server's top-N with mass left unseen. */
    private boolean partial;

    private double entropyBits = Double.NaN;

    private Distribution(double[] logits, int[] support, double shift, double normalizer) {
        this.logits = logits;
        this.support = support;
        this.shift = shift;
        this.normalizer = normalizer;
    }

    private Distribution(
            double[] logits, int[] support, double shift, double normalizer, double entropyBits) {
        this(logits, support, shift, normalizer);
        this.entropyBits = entropyBits;
    }

    /**
     * The distribution of raw model logits. -infinity means "impossible"; NaN, +infinity and
     * all-(-infinity) input are refused.
     *
     * @throws BadInputException with a one-line message naming the bad entry
     */
    public static Distribution ofLogits(float[] raw) {
        return ofLogits(raw, true);
    }

    /**
     * @param keepWeights keep the softmax numerators of this pass, so that a following stage that
     *     reads every probability (top-p, min-p, typical-p, the picker) needs no second exp pass
     */
    static Distribution ofLogits(float[] raw, boolean keepWeights) {
        if (raw == null || raw.length == 0) {
            throw new BadInputException("logits must not be empty");
        }
        double[] logits = new double[raw.length];
        int finite = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < raw.length; i++) {
            float v = raw[i];
            if (!(v < Float.POSITIVE_INFINITY)) { // NaN or +infinity
                throw new BadInputException(
                        "logits must be finite or -Infinity (got " + v + " at id " + i + ")");
            }
            logits[i] = v;
            finite += v != Float.NEGATIVE_INFINITY ? 1 : 0;
            if (v > max) {
                max = v;
            }
        }
        if (finite == 0) {
            throw new BadInputException(
                    "logits are all -Infinity (" + raw.length + " ids): no token can be sampled");
        }
        int[] support = finite == raw.length ? identity(raw.length) : finiteIds(raw, finite);
        return of(logits, support, max, keepWeights);
    }

    /**
     * The head an inference server sent: {@code logProbs} are natural-log probabilities over the
     * whole vocabulary for the top-N ids and -infinity elsewhere. Probabilities are exp(l) as sent,
     * not renormalized, so they sum to 1 minus the {@link #unseenMass()}; a stage that renormalizes
     * (temperature, a filter that drops tokens) renormalizes over the head, and the picker draws
     * from the head renormalized ({@link #renormalized()}).
     */
    public static Distribution ofTopLogProbs(float[] logProbs) {
        Distribution head = ofLogits(logProbs, true);
        double whole = Math.exp(-head.shift); // sum of e^(l - max) over the whole vocabulary
        Distribution d =
                new Distribution(
                        head.logits, head.support, head.shift, Math.max(head.normalizer, whole));
        d.weights = head.weights;
        d.shiftIsMax = true;
        d.partial = true;
        return d;
    }

    /**
     * Probability mass outside the kept tokens that this distribution does not see (0 normally).
     */
    public double unseenMass() {
        if (!partial) {
            return 0;
        }
        double sum = 0;
        for (double p : probsAtPositions()) {
            sum += p;
        }
        return Math.max(0, 1 - sum);
    }

    /** The same kept tokens renormalized to sum to 1 (this when nothing is unseen). */
    public Distribution renormalized() {
        return partial ? of(logits, support) : this;
    }

    /** Same as {@link #ofLogits(float[])} for double input, kept in double precision. */
    public static Distribution ofLogits(double[] raw) {
        if (raw == null || raw.length == 0) {
            throw new BadInputException("logits must not be empty");
        }
        int finite = 0;
        for (int i = 0; i < raw.length; i++) {
            double v = raw[i];
            if (Double.isNaN(v) || v == Double.POSITIVE_INFINITY) {
                throw new BadInputException(
                        "logits must be finite or -Infinity (got " + v + " at id " + i + ")");
            }
            if (v != Double.NEGATIVE_INFINITY) {
                finite++;
            }
        }
        if (finite == 0) {
            throw new BadInputException(
                    "logits are all -Infinity (" + raw.length + " ids): no token can be sampled");
        }
        int[] ids = new int[finite];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != Double.NEGATIVE_INFINITY) {
                ids[n++] = i;
            }
        }
        return of(raw.clone(), ids);
    }

    /** A distribution over {@code support} (ascending ids) of {@code logits}, normalized here. */
    static Distribution of(double[] logits, int[] support) {
        double max = Double.NEGATIVE_INFINITY;
        for (int id : support) {
            if (logits[id] > max) {
                max = logits[id];
            }
        }
        return of(logits, support, max);
    }

    /** Same as {@link #of(double[], int[])} when the caller already knows the maximum logit. */
    static Distribution of(double[] logits, int[] support, double max) {
        return of(logits, support, max, true);
    }

    static Distribution of(double[] logits, int[] support, double max, boolean keepWeights) {
        double z = 0;
        double weighted = 0; // sum of e^(l - max) * (l - max), for the entropy
        boolean all = support.length == logits.length; // then support[i] == i
        double[] weights = keepWeights ? new double[support.length] : null;
        for (int i = 0; i < support.length; i++) {
            double x = logits[all ? i : support[i]] - max;
            double e = Math.exp(x);
            if (keepWeights) {
                weights[i] = e;
            }
            z += e;
            weighted += e * x;
        }
        // H = -sum p ln p = ln Z - sum p (l - max)
        double entropy = Math.max(0, (Math.log(z) - weighted / z) / LN2);
        Distribution d = new Distribution(logits, support, max, z, entropy);
        d.weights = weights;
        d.shiftIsMax = true;
        return d;
    }

    /**
     * The same kept tokens with a few logits changed ({@code ids} ascending); the normalizer is
     * updated from the old one unless that would lose precision, in which case it is recomputed.
     */
    Distribution withChanged(int[] ids, double[] newValues) {
        double[] next = logits.clone();
        double newShift = shift;
        for (int i = 0; i < ids.length; i++) {
            next[ids[i]] = newValues[i];
            newShift = Math.max(newShift, newValues[i]);
        }
        double removed = 0;
        double added = 0;
        for (int i = 0; i < ids.length; i++) {
            removed += Math.exp(logits[ids[i]] - newShift);
            added += Math.exp(newValues[i] - newShift);
        }
        double untouched = normalizer * Math.exp(shift - newShift) - removed;
        boolean recompute = untouched < 1e-6 * (untouched + removed);
        Distribution d =
                recompute
                        ? of(next, support) // the changed tokens held almost all mass: recompute
                        : new Distribution(next, support, newShift, untouched + added);
        d.parent = this;
        d.changedIds = ids;
        d.partial = partial && !recompute;
        d.shiftIsMax |= shiftIsMax && (newShift > shift || !touchesValue(ids, shift));
        return d;
    }

    private boolean touchesValue(int[] ids, double value) {
        for (int id : ids) {
            if (logits[id] == value) {
                return true;
            }
        }
        return false;
    }

    /** The largest kept logit. */
    double maxLogit() {
        if (shiftIsMax) {
            return shift;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int id : support) {
            if (logits[id] > max) {
                max = logits[id];
            }
        }
        return max;
    }

    /**
     * Every kept logit divided by {@code t} (t &gt; 0), computed as l · (1/t) (within one ulp of l
     * / t, and a multiplication is several times cheaper than a division over 50k tokens), and
     * normalized in the same pass: rounding is monotonic, so the largest product is max(l) · (1/t).
     */
    Distribution dividedBy(double t, boolean keepWeights) {
        double inverse = 1.0 / t;
        double max = maxLogit() * inverse;
        double[] scaled = new double[logits.length];
        double[] w = keepWeights ? new double[support.length] : null;
        double z = 0;
        double weighted = 0;
        boolean all = support.length == logits.length;
        for (int i = 0; i < support.length; i++) {
            int id = all ? i : support[i];
            double v = logits[id] * inverse;
            scaled[id] = v;
            double x = v - max;
            double e = Math.exp(x);
            if (keepWeights) {
                w[i] = e;
                weighted += e * x;
            }
            z += e;
        }
        // without kept numerators nothing downstream reads the entropy; computed lazily if asked
        double entropy = keepWeights ? Math.max(0, (Math.log(z) - weighted / z) / LN2) : Double.NaN;
        Distribution d = new Distribution(scaled, support, max, z, entropy);
        d.weights = w;
        d.shiftIsMax = true;
        return d;
    }

    /** The same logits restricted to {@code keptAscending}, a subset of the current support. */
    Distribution restrictTo(int[] keptAscending) {
        return keptAscending.length == support.length ? this : of(logits, keptAscending);
    }

    public int vocabSize() {
        return logits.length;
    }

    public int keptCount() {
        return support.length;
    }

    /** Kept ids, ascending (a copy). */
    public int[] keptIds() {
        return support.clone();
    }

    public boolean isKept(int id) {
        return indexOf(id) >= 0;
    }

    /** The logit of {@code id}, -infinity when dropped. */
    public double logit(int id) {
        return isKept(id) ? logits[id] : Double.NEGATIVE_INFINITY;
    }

    /** Probability of {@code id} over the full vocabulary, 0 when dropped. */
    public double prob(int id) {
        int pos = indexOf(id);
        return pos < 0 ? 0 : probAt(pos);
    }

    /** Full-vocabulary probability array (a new array). */
    public double[] probs() {
        double[] out = new double[logits.length];
        double[] p = probsAtPositions();
        for (int i = 0; i < support.length; i++) {
            out[support[i]] = p[i];
        }
        return out;
    }

    /** The logits as floats (a new array); only meaningful for a raw distribution. */
    float[] rawLogitsAsFloats() {
        float[] out = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = (float) logits[i];
        }
        return out;
    }

    /** Logits by id with -infinity for dropped tokens (a new array). */
    public double[] maskedLogits() {
        double[] out = new double[logits.length];
        Arrays.fill(out, Double.NEGATIVE_INFINITY);
        for (int id : support) {
            out[id] = logits[id];
        }
        return out;
    }

    /**
     * Shannon entropy in bits. For a distribution that does not see part of its mass (a server's
     * top-N, {@link #unseenMass()} r > 0) it is a lower bound: every unseen token is at most as
     * likely as the least likely one seen (p_min), so the tail adds at least r · log2(1 / p_min).
     */
    public double entropyBits() {
        if (Double.isNaN(entropyBits)) {
            double[] p = probsAtPositions();
            double logZ = Math.log(normalizer);
            double h = 0;
            double minP = 1;
            double seen = 0;
            for (int i = 0; i < support.length; i++) {
                seen += p[i];
                if (p[i] > 0) {
                    // -ln p = ln Z - (l - shift): no log per token
                    h += p[i] * (logZ - (logits[support[i]] - shift));
                    minP = Math.min(minP, p[i]);
                }
            }
            double rest = partial ? Math.max(0, 1 - seen) : 0; // unseenMass() without a second pass
            if (rest > 0) {
                h += rest * -Math.log(minP);
            }
            entropyBits = Math.max(0, h / LN2);
        }
        return entropyBits;
    }

    /** Position of {@code id} in the support, or a negative number. */
    int indexOf(int id) {
        if (id < 0 || id >= logits.length) {
            return -1;
        }
        if (support.length == logits.length) {
            return id;
        }
        return Arrays.binarySearch(support, id);
    }

    double probAt(int pos) {
        if (probsAtPos != null) {
            return probsAtPos[pos];
        }
        if (weights != null) {
            return weights[pos] / normalizer;
        }
        return Math.exp(logits[support[pos]] - shift) / normalizer;
    }

    /** Probabilities parallel to {@link #support}. Callers must not modify the array. */
    double[] probsAtPositions() {
        if (probsAtPos == null) {
            double[] p = weights != null ? weights : new double[support.length];
            for (int i = 0; i < support.length; i++) {
                double w = weights != null ? weights[i] : Math.exp(logits[support[i]] - shift);
                p[i] = w / normalizer;
            }
            probsAtPos = p;
            weights = null;
        }
        return probsAtPos;
    }

    /** Sum of this distribution's probabilities over {@code ids} (ascending, a subset). */
    double massOf(int[] idsAscending) {
        if (idsAscending == support || idsAscending.length == support.length) {
            return 1.0 - unseenMass();
        }
        double sum = 0;
        for (int id : idsAscending) {
            sum += prob(id);
        }
        return sum;
    }

    /** 0..n-1, shared between calls (support arrays are never mutated). */
    private static int[] identity(int n) {
        int[] cached = identityCache;
        if (cached == null || cached.length != n) {
            cached = new int[n];
            for (int i = 0; i < n; i++) {
                cached[i] = i;
            }
            identityCache = cached;
        }
        return cached;
    }

    private static volatile int[] identityCache;

    private static int[] finiteIds(float[] raw, int finite) {
        int[] ids = new int[finite];
        int n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != Float.NEGATIVE_INFINITY) {
                ids[n++] = i;
            }
        }
        return ids;
    }
}
