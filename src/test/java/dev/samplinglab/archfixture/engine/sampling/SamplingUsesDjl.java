package dev.samplinglab.archfixture.engine.sampling;

import ai.djl.ndarray.NDArray;

/** Deliberate violation: the sampling pipeline touches DJL. */
public final class SamplingUsesDjl {
    public long size(NDArray logits) {
        return logits.size();
    }
}
