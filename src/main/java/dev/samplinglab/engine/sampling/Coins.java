package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.SplittableRandom;

/**
 * The coins u in [0, 1) that drive the inverse-CDF picker. The coin of step t is a pure function of
 * (seed, t): stepping back and forward reuses the same u, and two strategies with the same seed get
 * the same coins ("common random numbers", so differences come only from the strategy). {@link
 * #independentStream} gives each column its own stream instead.
 */
public final class Coins {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    private Coins(long seed) {
        this.seed = seed;
    }

    /** Coins shared by every strategy that uses {@code seed}. */
    public static Coins commonRandomNumbers(long seed) {
        return new Coins(seed);
    }

    /** An independent stream for column/stream {@code stream} under the same user seed. */
    public static Coins independentStream(long seed, int stream) {
        return new Coins(mix64(seed ^ mix64(GOLDEN * (stream + 1L))));
    }

    /** The coin for step {@code step} (0-based). */
    public double coin(long step) {
        return new SplittableRandom(mix64(mix64(seed) + GOLDEN * step)).nextDouble();
    }

    public long seed() {
        return seed;
    }

    /** Refuses a coin outside [0, 1). */
    public static double validate(double coin) {
        if (!(coin >= 0 && coin < 1)) {
            throw new BadInputException("coin must be in [0, 1) (got " + coin + ")");
        }
        return coin;
    }

    /** SplitMix64 finalizer (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
