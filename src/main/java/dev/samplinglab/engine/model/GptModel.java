package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import dev.samplinglab.engine.BadInputException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A GPT-2 decoder (Radford et al. 2019) on DJL NDArrays, in the spirit of llama2.c's {@code
 * forward}: embeddings, n_layer pre-norm blocks of causal self-attention and a tanh-GELU MLP, a
 * final layer norm and the LM head tied to the token embedding. The cached path writes each new
 * position's keys and values into a {@link KvCache}; the uncached path recomputes the whole prefix.
 * Logits leave as {@code float[]}; every call runs in its own {@link NDScope}.
 */
public final class GptModel implements Decoder {
    /** The config.json {@code model_type} of this decoder. */
    public static final String MODEL_TYPE = "gpt2";

    private static final float MASKED = -1e9f;
    private static final float GELU_C = (float) Math.sqrt(2 / Math.PI);

    private final ModelConfig config;
    private final NDManager manager;
    private final GptWeights weights;
    private NDArray lmHead; // [d, vocab] contiguous copy of wte^T for inference, made on first use
    private OpClock clock = OpClock.OFF;

    public GptModel(ModelConfig config, NDManager manager, GptWeights weights) {
        this.config = config;
        this.manager = manager;
        this.weights = weights;
    }

    /** Loads {@code config.json} and {@code model.safetensors} from a Hugging Face folder. */
    public static GptModel load(Path dir) {
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        NDManager m = NDManager.newBaseManager();
        try (SafetensorsFile file = SafetensorsFile.open(dir.resolve("model.safetensors"))) {
            return new GptModel(config, m, WeightLoader.load(file, config, m));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** A model with seeded random weights (benchmarks and tests). */
    public static GptModel random(ModelConfig config, long seed) {
        NDManager m = NDManager.newBaseManager();
        try {
            return new GptModel(config, m, WeightLoader.random(config, m, seed));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public ModelConfig config() {
        return config;
    }

    public GptWeights weights() {
        return weights;
    }

    public NDManager manager() {
        return manager;
    }

    /** Times every op of the following calls on {@code c} ({@link OpClock#OFF} to stop). */
    public void setClock(OpClock c) {
        this.clock = c;
    }

    @Override
    public DecoderSummary summary() {
        long bytes = weights.bytes();
        return new DecoderSummary(
                "gpt2",
                config.nLayer(),
                config.nEmbd(),
                config.nHead(),
                config.nHead(),
                config.headSize(),
                config.vocabSize(),
                config.nPositions(),
                config.parameterCount(),
                bytes,
                bytes - weights.positionEmbedding.getShape().size() * 4,
                config.bosTokenId(),
                java.util.List.of(config.eosTokenId()));
    }

    /** A new empty cache for {@code batch} rows. */
    @Override
    public KvCache newCache(int batch) {
        return new KvCache(manager, summary(), batch);
    }

    @Override
    public float[][] nextTokenLogProbs(int[][] rows) {
        try (NDScope ignored = new NDScope()) {
            return NextTokenLogProbs.of(forwardTrain(tokenArray(rows), 0f), rows);
        }
    }

    /**
     * Feeds {@code tokens} [batch][t] (same t for every row) at the cache's current length and
     * returns the logits of the last new position per row [batch][vocab].
     *
     * @param padding per row, how many leading cache positions are left padding (may be null)
     */
    @Override
    public float[][] step(KvCache cache, int[][] tokens, int[] padding) {
        try (NDScope ignored = new NDScope()) {
            int start = cache.length();
            NDArray logits = forward(tokenArray(tokens), start, padding, cache, false, false);
            cache.advance(tokens[0].length);
            long t = clock.start();
            float[][] rows = Logits.toRows(logits);
            clock.lap("copy_out", t);
            return rows;
        }
    }

    /** Single-row convenience for {@link #step(KvCache, int[][], int[])}. */
    @Override
    public float[] step(KvCache cache, int... tokens) {
        return step(cache, new int[][] {tokens}, null)[0];
    }

    /**
     * Recomputes the whole prefix without a cache and returns the logits of the last position per
     * row [batch][vocab].
     */
    @Override
    public float[][] logitsUncached(int[][] tokens, int[] padding) {
        try (NDScope ignored = new NDScope()) {
            return Logits.toRows(forward(tokenArray(tokens), 0, padding, null, false, false));
        }
    }

    /**
     * Like {@link #logitsUncached(int[][], int[])}, but asks {@code cancelled} before each layer
     * and returns null once it answers true (a long prefix on a large model takes up to a second).
     */
    @Override
    public float[][] logitsUncached(int[][] tokens, int[] padding, BooleanSupplier cancelled) {
        try (NDScope ignored = new NDScope()) {
            NDArray out =
                    forward(tokenArray(tokens), 0, padding, null, false, false, 0f, cancelled);
            return out == null ? null : Logits.toRows(out);
        }
    }

    /** Logits at every position of one row without a cache [t][vocab] (tests, eval). */
    @Override
    public float[][] logitsAllPositions(int[] tokens) {
        try (NDScope ignored = new NDScope()) {
            NDArray all = forward(tokenArray(new int[][] {tokens}), 0, null, null, false, true);
            return Logits.toRows(all);
        }
    }

    /**
     * The differentiable forward for training: ids [batch, t] (int64) to logits [batch, t, vocab].
     * Does not open a scope; the caller owns the arrays.
     */
    public NDArray forwardTrain(NDArray ids, float dropout) {
        invalidateHead();
        return forward(ids, 0, null, null, true, true, dropout, null);
    }

    private NDArray forward(
            NDArray ids, int start, int[] padding, KvCache cache, boolean train, boolean all) {
        return forward(ids, start, padding, cache, train, all, 0f, null);
    }

    private NDArray forward(
            NDArray ids,
            int start,
            int[] padding,
            KvCache cache,
            boolean train,
            boolean all,
            float dropout,
            BooleanSupplier cancelled) {
        int batch = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        if (start + t > config.nPositions()) {
            throw new BadInputException(
                    "a sequence of %d tokens exceeds the model's context of %d; use a shorter prompt or fewer new tokens"
                            .formatted(start + t, config.nPositions()));
        }
        long t0 = clock.start();
        NDArray positions = positionIds(ids.getManager(), batch, t, start, padding);
        NDArray x =
                (train
                                ? weights.tokenEmbedding().get(new NDIndex("{}", ids))
                                : weights.lmHead.rows(ids))
                        .add(weights.positionEmbedding.get(new NDIndex("{}", positions)));
        x = drop(x, dropout, train);
        NDArray mask = Logits.causalMask(ids.getManager(), batch, t, start, padding, MASKED);
        mask = mask == null ? null : mask.reshape(batch, 1, t, start + t);
        clock.lap("embedding", t0);
        for (int l = 0; l < weights.blocks.length; l++) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                return null;
            }
            x = block(l, x, start, mask, cache, dropout, train);
        }
        if (!all) {
            x = x.getShape().get(1) == 1 ? x : x.get(new NDIndex(":, -1:, :"));
        }
        long t1 = clock.start();
        x = layerNorm(x, weights.lnFinalGain, weights.lnFinalBias);
        t1 = clock.lap("layer_norm", t1);
        NDArray logits =
                train
                        ? Linear.linear(x, weights.tokenEmbedding()).singletonOrThrow()
                        : MatVec.enabled() ? weights.lmHead.apply(x) : x.matMul(inferenceHead());
        clock.lap("lm_head", t1);
        return logits; // [B, T or 1, V]; toRows flattens the middle axis of a last-position call
    }

    /**
     * The tied LM head as a contiguous [d, vocab] matrix for libtorch when {@link MatVec} is off:
     * x @ W runs about 1.2-2x faster than linear(x, wte) on the transposed view for one-row decode,
     * at the cost of one more copy.
     */
    private synchronized NDArray inferenceHead() {
        if (lmHead == null) {
            long[] shape = weights.tokenEmbedding().getShape().getShape();
            int rows = (int) shape[0];
            int cols = (int) shape[1];
            float[] t = GptWeights.transpose(weights.lmHead.toFloatArray(), rows, cols);
            NDArray head = manager.create(t, new Shape(cols, rows));
            NDScope.unregister(head);
            lmHead = head;
        }
        return lmHead;
    }

    /** Drops the inference copy of the LM head (the weights are being trained). */
    private synchronized void invalidateHead() {
        if (lmHead != null) {
            lmHead.close();
            lmHead = null;
        }
    }

    private NDArray block(
            int l,
            NDArray x,
            int start,
            NDArray mask,
            KvCache cache,
            float dropout,
            boolean train) {
        GptWeights.Block b = weights.blocks[l];
        OpClock c = clock;
        long t = c.start();
        NDArray h = layerNorm(x, b.ln1Gain(), b.ln1Bias());
        c.lap("layer_norm", t);
        h = attention(l, b, h, start, mask, cache);
        t = c.start();
        x = x.add(drop(h, dropout, train));
        t = c.lap("residual", t);
        h = layerNorm(x, b.ln2Gain(), b.ln2Bias());
        t = c.lap("layer_norm", t);
        h = b.fc().apply(h);
        t = c.lap("mlp_up", t);
        h = geluTanh(h);
        t = c.lap("gelu", t);
        h = b.fcOut().apply(h);
        t = c.lap("mlp_down", t);
        x = x.add(drop(h, dropout, train));
        c.lap("residual", t);
        return x;
    }

    private NDArray attention(
            int l, GptWeights.Block b, NDArray x, int start, NDArray mask, KvCache cache) {
        long batch = x.getShape().get(0);
        long t = x.getShape().get(1);
        int heads = config.nHead();
        int hs = config.headSize();
        OpClock c = clock;
        long t0 = c.start();
        NDArray fused = b.qkv().apply(x);
        t0 = c.lap("qkv", t0);
        // [B, T, 3d] -> [3, B, H, T, hs]
        NDArray qkv = fused.reshape(batch, t, 3, heads, hs).transpose(2, 0, 3, 1, 4);
        // three [1, B, H, T, hs] views in one op; the leading 1 rides along as a batch dim
        NDList split = qkv.split(3, 0);
        NDArray q = split.get(0);
        NDArray k = split.get(1);
        NDArray v = split.get(2);
        if (cache != null) {
            NDArray[] kv = cache.append(l, start, k, v);
            k = kv[0];
            v = kv[1];
        }
        NDArray scores = q.matMul(k.transpose(0, 1, 2, 4, 3)).mul(1.0f / (float) Math.sqrt(hs));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray out =
                scores.softmax(-1)
                        .matMul(v) // [B, H, T, hs]
                        .transpose(0, 1, 3, 2, 4)
                        .reshape(batch, t, (long) heads * hs);
        t0 = c.lap("attention", t0);
        NDArray projected = b.attnOut().apply(out);
        c.lap("attn_out", t0);
        return projected;
    }

    private NDArray layerNorm(NDArray x, NDArray gain, NDArray bias) {
        return LayerNorm.layerNorm(
                        x, new Shape(config.nEmbd()), gain, bias, (float) config.layerNormEpsilon())
                .singletonOrThrow();
    }

    /**
     * GPT-2's "gelu_new", 0.5 x (1 + tanh(c (x + 0.044715 x^3))) with c = sqrt(2/pi), computed in
     * the equal form x * sigmoid(2c x (1 + 0.044715 x^2)) because it takes fewer ops.
     */
    static NDArray geluTanh(NDArray x) {
        NDArray inner = x.mul(x).mul(2 * GELU_C * 0.044715f).add(2 * GELU_C).mul(x);
        return x.mul(Activation.sigmoid(inner));
    }

    private static NDArray drop(NDArray x, float rate, boolean train) {
        return train && rate > 0 ? Dropout.dropout(x, rate, true).singletonOrThrow() : x;
    }

    private NDArray tokenArray(int[][] tokens) {
        return Logits.tokenArray(manager, tokens, config.vocabSize());
    }

    private static NDArray positionIds(NDManager m, int batch, int t, int start, int[] padding) {
        long[] pos = new long[batch * t];
        for (int r = 0; r < batch; r++) {
            int pad = padding == null ? 0 : padding[r];
            for (int i = 0; i < t; i++) {
                pos[r * t + i] = Math.max(0, start + i - pad);
            }
        }
        return m.create(pos, new Shape(batch, t));
    }

    @Override
    public void close() {
        manager.close();
    }
}
