package dev.samplinglab.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.samplinglab.engine.model.GptModel;
import java.util.List;

/**
 * The optimization loop of a GPT-2 decoder (Radford et al. 2019) with DJL autograd: next-token
 * cross-entropy on random windows, AdamW, warmup + cosine learning rate, dropout and global
 * gradient-norm clipping (Pascanu et al. 2013, <a
 * href="https://arxiv.org/abs/1211.5063">arXiv:1211.5063</a>). Gradients are zeroed after every
 * update (a raw GradientCollector accumulates them).
 */
public final class ModelTrainer {
    private final GptModel model;
    private final TrainConfig config;
    private final TokenWindows windows;
    private final AdamW optimizer;
    private final LearningRateSchedule schedule;
    private final List<NDArray> params;

    /** Loss and step facts of one update. */
    public record StepResult(int step, double loss, double lr, double gradNorm) {}

    public ModelTrainer(GptModel model, TrainConfig config, int[] trainTokens) {
        this.model = model;
        this.config = config;
        this.windows = new TokenWindows(trainTokens, config.context(), config.seed());
        this.params = model.weights().parameters();
        for (NDArray p : params) {
            p.setRequiresGradient(true);
        }
        this.optimizer =
                new AdamW(
                        params,
                        decayMask(model),
                        config.beta1(),
                        config.beta2(),
                        config.weightDecay());
        this.schedule =
                new LearningRateSchedule(
                        config.lr(), config.minLr(), config.warmupSteps(), config.steps());
    }

    /** Decay the weight matrices; not biases, gains or the (tied) embeddings. */
    static boolean[] decayMask(GptModel model) {
        List<NDArray> ps = model.weights().parameters();
        boolean[] mask = new boolean[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            NDArray p = ps.get(i);
            mask[i] =
                    p.getShape().dimension() == 2
                            && p != model.weights().tokenEmbedding()
                            && p != model.weights().positionEmbedding;
        }
        return mask;
    }

    public AdamW optimizer() {
        return optimizer;
    }

    /** Runs 0-based optimizer step {@code step}: forward, backward, clip, update, zero. */
    public StepResult step(int step) {
        TokenWindows.Batch batch = windows.batch(step, config.batchSize());
        // dropout masks depend only on (seed, step), like the batches, so resume is exact
        Engine.getInstance().setRandomSeed((int) (config.seed() * 1_000_003L + step));
        double lr = schedule.at(step);
        try (NDScope ignored = new NDScope()) {
            double loss = forwardBackward(batch);
            double norm = clipGradients();
            optimizer.step(lr);
            zeroGradients();
            return new StepResult(step, loss, lr, norm);
        }
    }

    private double forwardBackward(TokenWindows.Batch b) {
        NDManager m = model.manager();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray ids = m.create(b.inputs(), new Shape(b.rows(), b.columns()));
            NDArray targets = m.create(b.targets(), new Shape(b.rows(), b.columns(), 1));
            NDArray logits = model.forwardTrain(ids, (float) config.dropout());
            NDArray loss = logits.logSoftmax(2).gather(targets, 2).mean().neg();
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    /** Scales all gradients so their global L2 norm is at most gradClip; returns the norm. */
    private double clipGradients() {
        NDArray sum = null;
        for (NDArray p : params) {
            NDArray s = p.getGradient().square().sum();
            sum = sum == null ? s : sum.add(s);
        }
        double norm = Math.sqrt(sum.getFloat());
        if (config.gradClip() > 0 && norm > config.gradClip()) {
            float scale = (float) (config.gradClip() / (norm + 1e-6));
            for (NDArray p : params) {
                p.getGradient().muli(scale);
            }
        }
        return norm;
    }

    private void zeroGradients() {
        for (NDArray p : params) {
            p.getGradient().muli(0f);
        }
    }
}
