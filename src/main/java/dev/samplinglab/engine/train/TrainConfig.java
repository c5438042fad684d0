package dev.samplinglab.engine.train;

import com.google.gson.JsonObject;
import dev.samplinglab.engine.BadInputException;

/**
 * Hyperparameters of one training run of the GPT-2 decoder (Radford et al. 2019) with AdamW
 * (Loshchilov and Hutter 2019, <a href="https://arxiv.org/abs/1711.05101">arXiv:1711.05101</a>).
 *
 * @param vocabSize BPE vocabulary size, end-of-text included
 * @param layers transformer blocks
 * @param heads attention heads
 * @param dModel model width
 * @param context training window and position-embedding length
 * @param batchSize windows per step
 * @param steps optimizer steps in total
 * @param lr peak learning rate
 * @param minLr learning rate at the end of the cosine decay
 * @param warmupSteps steps of linear warmup from 0 to {@code lr}
 * @param weightDecay decoupled weight decay on the weight matrices
 * @param beta1 Adam first-moment decay
 * @param beta2 Adam second-moment decay
 * @param gradClip maximum global gradient L2 norm (0 disables clipping)
 * @param dropout dropout rate on embeddings and residual branches
 * @param seed seed of the weights, batch order and dropout
 * @param evalEvery steps between validation estimates (0 disables)
 * @param evalWindows random windows per validation estimate
 * @param checkpointEvery steps between checkpoints (0 disables)
 */
public record TrainConfig(
        int vocabSize,
        int layers,
        int heads,
        int dModel,
        int context,
        int batchSize,
        int steps,
        double lr,
        double minLr,
        int warmupSteps,
        double weightDecay,
        double beta1,
        double beta2,
        double gradClip,
        double dropout,
        long seed,
        int evalEvery,
        int evalWindows,
        int checkpointEvery) {

    public TrainConfig {
        require(
                vocabSize >= BpeTrainer.MIN_VOCAB_SIZE,
                "vocab size must be at least "
                        + BpeTrainer.MIN_VOCAB_SIZE
                        + " (256 bytes + end-of-text), got "
                        + vocabSize);
        require(layers >= 1, "layers must be >= 1, got " + layers);
        require(heads >= 1, "heads must be >= 1, got " + heads);
        require(
                dModel >= 1 && dModel % heads == 0,
                "d-model must be a positive multiple of heads (" + heads + "), got " + dModel);
        require(context >= 2, "context must be >= 2, got " + context);
        require(batchSize >= 1, "batch size must be >= 1, got " + batchSize);
        require(steps >= 1, "steps must be >= 1, got " + steps);
        require(lr > 0 && lr < 1, "lr must be in (0, 1), got " + lr);
        require(minLr >= 0 && minLr <= lr, "min lr must be in [0, lr], got " + minLr);
        require(warmupSteps >= 0, "warmup steps must be >= 0, got " + warmupSteps);
        require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1)");
        require(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1, "betas must be in [0, 1)");
        require(gradClip >= 0, "grad clip must be >= 0");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(evalEvery >= 0 && checkpointEvery >= 0, "eval/checkpoint intervals must be >= 0");
        require(evalWindows >= 1, "eval windows must be >= 1");
    }

    /** Defaults for a small model on a CPU: 4 layers, width 256, context 256. */
    public static TrainConfig defaults() {
        return new TrainConfig(
                2048, 4, 4, 256, 256, 16, 2000, 1e-3, 1e-4, 100, 0.1, 0.9, 0.99, 1.0, 0.1, 1, 200,
                64, 200);
    }

    /** Tokens seen per optimizer step. */
    public long tokensPerStep() {
        return (long) batchSize * context;
    }

    /** A copy with a different step count (resume may extend a run). */
    public TrainConfig withSteps(int newSteps) {
        return new TrainConfig(
                vocabSize,
                layers,
                heads,
                dModel,
                context,
                batchSize,
                newSteps,
                lr,
                minLr,
                warmupSteps,
                weightDecay,
                beta1,
                beta2,
                gradClip,
                dropout,
                seed,
                evalEvery,
                evalWindows,
                checkpointEvery);
    }

    /** JSON form stored in checkpoints and summarized in the model card. */
    public JsonObject toJson() {
        return new com.google.gson.Gson().toJsonTree(this).getAsJsonObject();
    }

    /** Inverse of {@link #toJson()}. */
    public static TrainConfig fromJson(JsonObject o) {
        return new com.google.gson.Gson().fromJson(o, TrainConfig.class);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
