package dev.samplinglab.engine.sampling;

import java.util.Arrays;

/**
 * Descending orders over token ids without sorting the whole vocabulary when a partial selection is
 * enough. The order is "larger key first, ties to the lower id", a total order, so results are
 * deterministic. Keys are indexed by token id.
 */
final class TokenOrder {
    private TokenOrder() {}

    /** Whether token {@code a} comes before token {@code b}: larger key first, then lower id. */
    static boolean before(double[] keyById, int a, int b) {
        double ka = keyById[a];
        double kb = keyById[b];
        return ka > kb || (ka == kb && a < b);
    }

    /** A copy of {@code ids} sorted by descending key, ties by ascending id (stable merge sort). */
    static int[] sortDescending(int[] ids, double[] keyById) {
        int[] a = ids.clone();
        int[] tmp = new int[a.length];
        mergeSort(a, tmp, 0, a.length, keyById);
        return a;
    }

    /**
     * The {@code count} first ids in descending-key order, sorted; {@code ids == null} means all
     * ids {@code 0..keyById.length-1}. Uses a bounded heap: O(n log count).
     */
    static int[] top(int[] ids, double[] keyById, int count) {
        int n = ids == null ? keyById.length : ids.length;
        int size = Math.min(count, n);
        if (size <= 0) {
            return new int[0];
        }
        int[] heap = new int[size]; // root = the worst of the best so far
        int filled = 0;
        int i = 0;
        for (; i < n && filled < size; i++) {
            heap[filled] = ids == null ? i : ids[i];
            siftUp(heap, filled++, keyById);
        }
        int rootId = heap[0];
        double rootKey = keyById[rootId];
        for (; i < n; i++) {
            int id = ids == null ? i : ids[i];
            double key = keyById[id];
            if (key > rootKey || (key == rootKey && id < rootId)) {
                heap[0] = id;
                siftDown(heap, size, keyById);
                rootId = heap[0];
                rootKey = keyById[rootId];
            }
        }
        return sortDescending(heap, keyById);
    }

    /** Position of {@code id} in an array sorted by {@link #sortDescending}, or -1. */
    static int positionIn(int[] sortedDesc, double[] keyById, int id) {
        int lo = 0;
        int hi = sortedDesc.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = sortedDesc[mid];
            if (m == id) {
                return mid;
            }
            if (before(keyById, m, id)) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return -1;
    }

    /**
     * The head of {@code d}'s descending order whose probability mass exceeds {@code mass}, sorted
     * (all kept tokens if the mass is never exceeded). Tokens are bucketed by the binary exponent
     * of their probability; whole buckets are taken from the top until the mass is exceeded, so
     * every token left out is strictly less probable than every token taken and the result is an
     * exact prefix of the full order, without sorting the whole vocabulary.
     */
    static int[] sortedHead(Distribution d, double mass) {
        double[] probs = d.probsAtPositions();
        double[] bucketMass = new double[EXPONENT_OFFSET + 2];
        for (double p : probs) {
            bucketMass[bucketOf(p)] += p;
        }
        int cut = 0;
        double covered = 0;
        for (int b = bucketMass.length - 1; b >= 0; b--) {
            covered += bucketMass[b];
            cut = b;
            if (covered > mass) {
                break;
            }
        }
        int[] head = new int[probs.length];
        int n = 0;
        for (int i = 0; i < probs.length; i++) {
            if (bucketOf(probs[i]) >= cut) {
                head[n++] = d.support[i];
            }
        }
        return sortDescending(Arrays.copyOf(head, n), d.logits);
    }

    /**
     * For each token of {@code sortedTargets} (kept tokens of d, in d's descending order), the
     * number ({@code weighted == false}) or the probability mass of the kept tokens that come
     * before it. One pass over the support; tokens after the last target cost one comparison.
     */
    static double[] ahead(Distribution d, int[] sortedTargets, boolean weighted) {
        double[] ahead = new double[sortedTargets.length];
        if (sortedTargets.length == 0) {
            return ahead;
        }
        double[] diff = new double[sortedTargets.length + 1];
        int last = sortedTargets[sortedTargets.length - 1];
        int[] support = d.support;
        boolean all = support.length == d.logits.length;
        double lastKey = d.logits[last];
        for (int pos = 0; pos < support.length; pos++) {
            int id = all ? pos : support[pos];
            double key = d.logits[id];
            if (key > lastKey || (key == lastKey && id < last)) {
                diff[firstAfter(d.logits, sortedTargets, id)] += weighted ? d.probAt(pos) : 1;
            }
        }
        double running = 0;
        for (int i = 0; i < sortedTargets.length; i++) {
            running += diff[i];
            ahead[i] = running;
        }
        return ahead;
    }

    /** Index of the first element of {@code sorted} that {@code id} comes before. */
    private static int firstAfter(double[] key, int[] sorted, int id) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (before(key, id, sorted[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static final int EXPONENT_OFFSET = -(Double.MIN_EXPONENT - 1);

    /** 0 for zero and subnormal probabilities, growing with the binary exponent. */
    private static int bucketOf(double p) {
        return Math.getExponent(p) + EXPONENT_OFFSET;
    }

    static int[] ascendingCopy(int[] ids) {
        int[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }

    private static void siftUp(int[] heap, int i, double[] key) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(key, heap[parent], heap[i])) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] key) {
        int i = 0;
        while (true) {
            int worst = i;
            int l = 2 * i + 1;
            int r = l + 1;
            if (l < size && before(key, heap[worst], heap[l])) {
                worst = l;
            }
            if (r < size && before(key, heap[worst], heap[r])) {
                worst = r;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] key) {
        if (to - from <= 24) {
            insertionSort(a, from, to, key);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        if (!before(key, a[mid], a[mid - 1])) {
            return; // already in order
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            if (j >= to || (i < mid && !before(key, tmp[j], tmp[i]))) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    private static void insertionSort(int[] a, int from, int to, double[] key) {
        for (int i = from + 1; i < to; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= from && before(key, v, a[j])) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
