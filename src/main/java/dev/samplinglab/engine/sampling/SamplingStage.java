package dev.samplinglab.engine.sampling;

import java.util.Map;

/**
 * One stage of a sampling chain: a logits processor or warper in Hugging Face terms, a sampler in
 * llama.cpp's chain (https://github.com/ggml-org/llama.cpp/blob/master/src/llama-sampling.cpp). A
 * stage never mutates its input; it returns a new distribution over the same vocabulary.
 */
public interface SamplingStage {

    StageKind kind();

    /** Parameters as shown in traces and JSON, e.g. {"p": 0.9, "rule": "inclusive"}. */
    Map<String, Object> params();

    /**
     * Applies the stage.
     *
     * @param in the distribution after the previous stage
     * @param context token ids seen so far (prompt + generated), used by the penalty stages only
     */
    StageResult apply(Distribution in, int[] context);

    /** Convenience for single-stage use: applies to raw logits with an empty context. */
    default Distribution apply(double[] logits) {
        return apply(Distribution.ofLogits(logits), new int[0]).out();
    }
}
