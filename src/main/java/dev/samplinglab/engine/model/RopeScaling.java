package dev.samplinglab.engine.model;

/**
 * The {@code rope_scaling} entry of a Llama-family config: none, {@code linear} (positions divided
 * by factor; Chen et al. 2023, https://arxiv.org/abs/2306.15595) or {@code llama3} (low frequencies
 * divided by factor, high ones kept, a smooth blend between; Llama 3.1,
 * https://github.com/huggingface/transformers/blob/main/src/transformers/modeling_rope_utils.py).
 *
 * @param type none, linear or llama3
 * @param factor the stretch factor (1 for none)
 * @param lowFreqFactor llama3 only
 * @param highFreqFactor llama3 only
 * @param originalMaxPositions llama3 only: the context the model was first trained at
 */
public record RopeScaling(
        Type type,
        double factor,
        double lowFreqFactor,
        double highFreqFactor,
        int originalMaxPositions) {

    /** The supported scaling kinds. */
    public enum Type {
        NONE,
        LINEAR,
        LLAMA3
    }

    public static final RopeScaling NONE = new RopeScaling(Type.NONE, 1, 0, 0, 0);

    public static RopeScaling linear(double factor) {
        return new RopeScaling(Type.LINEAR, factor, 0, 0, 0);
    }

    public static RopeScaling llama3(
            double factor, double low, double high, int originalMaxPositions) {
        return new RopeScaling(Type.LLAMA3, factor, low, high, originalMaxPositions);
    }

    /**
     * The inverse frequencies of one head, computed in float32 like Hugging Face: {@code 1 /
     * theta^(2i / d)} for i in 0..d/2-1, then scaled.
     */
    public float[] inverseFrequencies(double theta, int headDim) {
        float[] inv = new float[headDim / 2];
        for (int i = 0; i < inv.length; i++) {
            float exponent = (float) (2 * i) / (float) headDim;
            inv[i] = 1f / (float) Math.pow(theta, exponent);
        }
        return switch (type) {
            case NONE -> inv;
            case LINEAR -> divide(inv, (float) factor);
            case LLAMA3 -> llama3(inv);
        };
    }

    private static float[] divide(float[] inv, float by) {
        float[] out = new float[inv.length];
        for (int i = 0; i < inv.length; i++) {
            out[i] = inv[i] / by;
        }
        return out;
    }

    /** Hugging Face's _compute_llama3_parameters, element by element. */
    private float[] llama3(float[] inv) {
        double lowWavelen = originalMaxPositions / lowFreqFactor;
        double highWavelen = originalMaxPositions / highFreqFactor;
        float[] out = new float[inv.length];
        for (int i = 0; i < inv.length; i++) {
            double f = inv[i];
            double wavelen = 2 * Math.PI / f;
            if (wavelen < highWavelen) {
                out[i] = (float) f;
            } else if (wavelen > lowWavelen) {
                out[i] = (float) (f / factor);
            } else {
                double smooth =
                        (originalMaxPositions / wavelen - lowFreqFactor)
                                / (highFreqFactor - lowFreqFactor);
                out[i] = (float) ((1 - smooth) * f / factor + smooth * f);
            }
        }
        return out;
    }
}
