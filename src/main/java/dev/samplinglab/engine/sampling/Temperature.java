package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import java.util.Map;

/**
 * Temperature scaling: every kept logit is divided by T (computed as l · (1/T), within one ulp). T
 * &lt; 1 sharpens the distribution, T &gt; 1 flattens it, T = 1 is neutral; T = 0 would be argmax
 * and is refused here (use greedy). See Ackley, Hinton and Sejnowski 1985 and Hugging Face {@code
 * TemperatureLogitsWarper}
 * (https://github.com/huggingface/transformers/blob/main/src/transformers/generation/logits_process.py).
 */
public final class Temperature implements SamplingStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private final double temperature;
    private final boolean keepWeights;

    public Temperature(double temperature) {
        this(temperature, true);
    }

    /**
     * @param keepWeights see {@link Distribution#ofLogits(float[], boolean)}
     */
    Temperature(double temperature, boolean keepWeights) {
        this.temperature = validate(temperature);
        this.keepWeights = keepWeights;
    }

    /** Returns T if valid, else throws a one-line message. */
    public static double validate(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new BadInputException(
                    "temperature must be > 0 and finite (got "
                            + t
                            + ")"
                            + (t == 0 ? "; use greedy for T = 0" : ""));
        }
        return t;
    }

    @Override
    public StageKind kind() {
        return StageKind.TEMPERATURE;
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("temperature", temperature);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        return StageResult.of(in.dividedBy(temperature, keepWeights));
    }
}
