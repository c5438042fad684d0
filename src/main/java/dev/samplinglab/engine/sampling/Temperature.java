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
public final class Temperature extends DescribedStage {
    /** The neutral value. */
    public static final double OFF = 1.0;

    private static final ParameterRange RANGE =
            new ParameterRange(
                    "temperature", "> 0 and finite", t -> t > 0 && !Double.isInfinite(t), "");

    private final double temperature;
    private final boolean keepWeights;

    public Temperature(double temperature) {
        this(temperature, true);
    }

    /**
     * @param keepWeights see {@link Distribution#ofLogits(float[], boolean)}
     */
    Temperature(double temperature, boolean keepWeights) {
        super(StageKind.TEMPERATURE, Map.of("temperature", temperature));
        this.temperature = validate(temperature);
        this.keepWeights = keepWeights;
    }

    /** Returns T if valid, else throws a one-line message. */
    public static double validate(double t) {
        if (t == 0) {
            throw new BadInputException(RANGE.message("0.0") + "; use greedy for T = 0");
        }
        return RANGE.check(t);
    }

    @Override
    public StageResult apply(Distribution in, int[] context) {
        return StageResult.of(in.dividedBy(temperature, keepWeights));
    }
}
