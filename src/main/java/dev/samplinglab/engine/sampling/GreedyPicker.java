package dev.samplinglab.engine.sampling;

/**
 * Greedy decoding: the argmax of the final distribution, ties to the lowest id. The coin is
 * recorded in the trace but not used.
 */
public final class GreedyPicker implements Picker {

    @Override
    public String name() {
        return "greedy";
    }

    @Override
    public int pick(Distribution finalDist, double coin) {
        int best = finalDist.support[0];
        for (int id : finalDist.support) {
            if (TokenOrder.before(finalDist.logits, id, best)) {
                best = id;
            }
        }
        return best;
    }
}
