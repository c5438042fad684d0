package dev.samplinglab.engine.generate.beam;

/**
 * The k largest of a stream of (value, index) pairs, best first; among equal values the one offered
 * first ranks higher (offer in increasing flat index, as torch.topk over beam·vocab + token).
 */
final class TopCandidates {
    private final double[] values;
    private final int[] indices;
    private int count;

    TopCandidates(int k) {
        values = new double[k];
        indices = new int[k];
    }

    void offer(double value, int index) {
        double v = Double.isNaN(value) ? Double.NEGATIVE_INFINITY : value;
        int k = values.length;
        if (count == k && !(v > values[k - 1])) {
            return;
        }
        int at = count < k ? count : k - 1;
        while (at > 0 && values[at - 1] < v) {
            if (at < k) {
                values[at] = values[at - 1];
                indices[at] = indices[at - 1];
            }
            at--;
        }
        values[at] = v;
        indices[at] = index;
        count = Math.min(k, count + 1);
    }

    int size() {
        return count;
    }

    double value(int rank) {
        return values[rank];
    }

    int index(int rank) {
        return indices[rank];
    }
}
