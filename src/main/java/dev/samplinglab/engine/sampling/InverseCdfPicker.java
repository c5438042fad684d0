package dev.samplinglab.engine.sampling;

/**
 * Categorical sampling by inverse CDF with an explicit coin: the kept tokens are laid out in
 * descending probability (ties by id) and the token whose cumulative interval [c_{i-1}, c_i)
 * contains u is picked. Because the order is by probability, the same u picks comparable ranks
 * under different strategies (common random numbers). If rounding leaves u above the last
 * cumulative sum, the last kept token is picked. Only the head of the order that covers u is
 * sorted.
 */
public final class InverseCdfPicker implements Picker {

    @Override
    public String name() {
        return "categorical";
    }

    @Override
    public int pick(Distribution finalDist, double coin) {
        Coins.validate(coin);
        int[] sorted = TokenOrder.sortedHead(finalDist, coin);
        double cumulative = 0;
        for (int id : sorted) {
            cumulative += finalDist.prob(id);
            if (coin < cumulative) {
                return id;
            }
        }
        return sorted[sorted.length - 1];
    }
}
