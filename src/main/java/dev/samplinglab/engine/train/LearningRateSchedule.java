package dev.samplinglab.engine.train;

/**
 * Linear warmup then cosine decay to a floor (Loshchilov and Hutter 2017, SGDR, <a
 * href="https://arxiv.org/abs/1608.03983">arXiv:1608.03983</a>), as in GPT-2/3 training recipes.
 */
public record LearningRateSchedule(double peak, double floor, int warmupSteps, int totalSteps) {

    /** Learning rate for 0-based {@code step}. */
    public double at(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (step >= totalSteps) {
            return floor;
        }
        double progress = (step - warmupSteps) / (double) Math.max(1, totalSteps - warmupSteps);
        return floor + 0.5 * (peak - floor) * (1 + Math.cos(Math.PI * progress));
    }
}
