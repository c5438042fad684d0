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
        for (int i = 0; i < n; i++) {
            int id = ids == null ? i : ids[i];
            if (filled < size) {
                heap[filled] = id;
                siftUp(heap, filled++, keyById);
            } else if (before(keyById, id, heap[0])) {
                heap[0] = id;
                siftDown(heap, size, keyById);
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
