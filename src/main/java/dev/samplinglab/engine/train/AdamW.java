package dev.samplinglab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter 2019, <a
 * href="https://arxiv.org/abs/1711.05101">arXiv:1711.05101</a>) over DJL arrays, updated in place.
 * Weight decay applies only to the parameters flagged in {@code decay} (the weight matrices; not
 * biases, layer-norm gains or embeddings, following nanoGPT/minGPT practice).
 */
public final class AdamW {
    private static final float EPS = 1e-8f;

    private final List<NDArray> params;
    private final boolean[] decay;
    private final List<NDArray> firstMoments = new ArrayList<>();
    private final List<NDArray> secondMoments = new ArrayList<>();
    private final double beta1;
    private final double beta2;
    private final double weightDecay;
    private int updates;

    public AdamW(
            List<NDArray> params, boolean[] decay, double beta1, double beta2, double weightDecay) {
        this.params = List.copyOf(params);
        this.decay = decay.clone();
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
        for (NDArray p : params) {
            firstMoments.add(p.zerosLike());
            secondMoments.add(p.zerosLike());
        }
        NDScope.unregister(firstMoments.toArray(NDArray[]::new));
        NDScope.unregister(secondMoments.toArray(NDArray[]::new));
    }

    /** Number of updates applied so far (Adam's bias-correction counter). */
    public int updates() {
        return updates;
    }

    /** One update with the gradients currently stored on the parameters. */
    public void step(double lr) {
        updates++;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        double c1 = 1 - Math.pow(beta1, updates);
        double c2 = 1 - Math.pow(beta2, updates);
        float stepSize = (float) (lr * Math.sqrt(c2) / c1);
        float eps = (float) (EPS * Math.sqrt(c2));
        // in-place updates of leaves that require grad need grad mode off; PyTorch's grad mode is
        // per thread and DJL only turns it off on the thread that started the engine
        boolean gradMode = JniUtils.isGradMode();
        JniUtils.setGradMode(false);
        try (NDScope ignored = new NDScope()) {
            for (int i = 0; i < params.size(); i++) {
                NDArray p = params.get(i);
                NDArray g = p.getGradient();
                NDArray m = firstMoments.get(i).muli(b1).addi(g.mul(1 - b1));
                NDArray v = secondMoments.get(i).muli(b2).addi(g.square().muli(1 - b2));
                if (decay[i] && weightDecay > 0) {
                    p.muli((float) (1 - lr * weightDecay));
                }
                p.subi(m.div(v.sqrt().addi(eps)).muli(stepSize));
            }
        } finally {
            JniUtils.setGradMode(gradMode);
        }
    }

    /** Restores moments saved by {@link #state()} and the update counter. */
    public void restore(List<float[]> m, List<float[]> v, int updateCount) {
        if (m.size() != params.size() || v.size() != params.size()) {
            throw new IllegalArgumentException("optimizer state does not match the model");
        }
        for (int i = 0; i < params.size(); i++) {
            firstMoments.get(i).set(m.get(i));
            secondMoments.get(i).set(v.get(i));
        }
        this.updates = updateCount;
    }

    /** The first and second moments of parameter {@code i}, as float arrays. */
    public float[][] moments(int i) {
        return new float[][] {
            firstMoments.get(i).toFloatArray(), secondMoments.get(i).toFloatArray()
        };
    }
}
