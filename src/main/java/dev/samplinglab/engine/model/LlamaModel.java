package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import dev.samplinglab.engine.BadInputException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A Llama-architecture decoder (Llama 2/3, SmolLM2, TinyLlama) and its Qwen2 / Qwen3 variants on
 * DJL NDArrays, computing what Hugging Face's modeling_llama.py, modeling_qwen2.py and
 * modeling_qwen3.py compute: pre-norm blocks {@code h = x + attn(norm1(x))}, {@code out = h +
 * mlp(norm2(h))}; RMSNorm {@code x * rsqrt(mean(x^2) + eps) * w} in fp32; grouped-query attention
 * (query head h reads kv head h / (heads / kv_heads)) with rotary embeddings in the rotate_half
 * convention (dimension j pairs with j + d/2) applied before the keys are cached; Qwen2's q/k/v
 * biases; Qwen3's per-head RMSNorm on q and k before RoPE; scale head_dim^-0.5; SwiGLU {@code
 * down(silu(gate(x)) * up(x))}; a final norm and the LM head (or the tied embedding). Su et al.
 * 2021 (RoPE), https://arxiv.org/abs/2104.09864; Shazeer 2020 (SwiGLU),
 * https://arxiv.org/abs/2002.05202; Zhang and Sennrich 2019 (RMSNorm),
 * https://arxiv.org/abs/1910.07467
 */
public final class LlamaModel implements Decoder {
    private static final float MASKED = -1e9f;

    private final LlamaConfig config;
    private final NDManager manager;
    private final LlamaWeights weights;
    private final Rope rope;
    private final DecoderSummary summary;

    public LlamaModel(LlamaConfig config, NDManager manager, LlamaWeights weights) {
        this.config = config;
        this.manager = manager;
        this.weights = weights;
        float[] inv = config.ropeScaling().inverseFrequencies(config.ropeTheta(), config.headDim());
        this.rope = new Rope(manager, inv);
        long bytes = weights.bytes();
        long embedding = weights.embedding.bytes();
        this.summary =
                new DecoderSummary(
                        config.family().modelType(),
                        config.layers(),
                        config.hidden(),
                        config.heads(),
                        config.kvHeads(),
                        config.headDim(),
                        config.vocab(),
                        config.maxPositions(),
                        config.parameterCount(),
                        bytes,
                        weights.tied ? bytes : bytes - embedding,
                        config.bosId(),
                        config.eosIds());
    }

    /** Opens config.json (+ generation_config.json) and the safetensors weights of a folder. */
    public static LlamaModel load(Path dir) {
        LlamaConfig config = LlamaConfig.read(dir);
        NDManager m = NDManager.newBaseManager();
        try (CheckpointFiles files = CheckpointFiles.open(dir)) {
            return new LlamaModel(config, m, LlamaWeightLoader.load(files, config, m));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** A model with seeded random weights (benchmarks and tests). */
    public static LlamaModel random(LlamaConfig config, long seed) {
        NDManager m = NDManager.newBaseManager();
        try {
            return new LlamaModel(config, m, LlamaWeightLoader.random(config, m, seed));
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public LlamaConfig config() {
        return config;
    }

    public LlamaWeights weights() {
        return weights;
    }

    @Override
    public DecoderSummary summary() {
        return summary;
    }

    @Override
    public KvCache newCache(int batch) {
        return new KvCache(manager, summary, batch);
    }

    @Override
    public float[][] step(KvCache cache, int[][] tokens, int[] padding) {
        try (NDScope ignored = new NDScope()) {
            NDArray logits =
                    forward(tokenArray(tokens), cache.length(), padding, cache, false, null);
            cache.advance(tokens[0].length);
            return Logits.toRows(logits);
        }
    }

    @Override
    public float[][] logitsUncached(int[][] tokens, int[] padding, BooleanSupplier cancelled) {
        try (NDScope ignored = new NDScope()) {
            NDArray out = forward(tokenArray(tokens), 0, padding, null, false, cancelled);
            return out == null ? null : Logits.toRows(out);
        }
    }

    @Override
    public float[][] logitsAllPositions(int[] tokens) {
        try (NDScope ignored = new NDScope()) {
            return Logits.toRows(
                    forward(tokenArray(new int[][] {tokens}), 0, null, null, true, null));
        }
    }

    @Override
    public float[][] nextTokenLogProbs(int[][] rows) {
        try (NDScope ignored = new NDScope()) {
            return NextTokenLogProbs.of(forward(tokenArray(rows), 0, null, null, true, null), rows);
        }
    }

    private NDArray forward(
            NDArray ids,
            int start,
            int[] padding,
            KvCache cache,
            boolean all,
            BooleanSupplier cancelled) {
        int batch = (int) ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        if (start + t > config.maxPositions()) {
            throw new BadInputException(
                    "a sequence of %d tokens exceeds the model's context of %d; use a shorter prompt or fewer new tokens"
                            .formatted(start + t, config.maxPositions()));
        }
        NDManager sm = ids.getManager();
        NDArray[] tables = rope.tables(sm, Rope.positions(batch, t, start, padding), batch, t);
        NDArray mask = Logits.causalMask(sm, batch, t, start, padding, MASKED);
        NDArray x = weights.embedding.rows(ids); // [B, T, d]
        for (int l = 0; l < weights.layers.length; l++) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                return null;
            }
            x = layer(l, x, start, tables, mask, cache);
        }
        if (!all && t > 1) {
            x = x.get(new NDIndex(":, -1:, :"));
        }
        x = rmsNorm(x, weights.finalNorm);
        return weights.lmHead.apply(x); // [B, T or 1, vocab]
    }

    private NDArray layer(
            int l, NDArray x, int start, NDArray[] rope, NDArray mask, KvCache cache) {
        LlamaWeights.Layer w = weights.layers[l];
        NDArray h = attention(l, w, rmsNorm(x, w.inputNorm()), start, rope, mask, cache);
        x = x.add(h);
        h = mlp(w, rmsNorm(x, w.postNorm()));
        return x.add(h);
    }

    private NDArray attention(
            int l,
            LlamaWeights.Layer w,
            NDArray x,
            int start,
            NDArray[] rope,
            NDArray mask,
            KvCache cache) {
        long batch = x.getShape().get(0);
        long t = x.getShape().get(1);
        int heads = config.heads();
        int kvHeads = config.kvHeads();
        int group = config.groupSize();
        int hd = config.headDim();
        NDArray qkv = w.qkv().apply(x).reshape(batch, t, heads + 2L * kvHeads, hd);
        NDList parts = qkv.split(new long[] {heads + kvHeads}, 2);
        NDArray qk = parts.get(0); // [B, T, H + KV, hd]
        NDArray v = parts.get(1); // [B, T, KV, hd]
        if (w.qkNorm() != null) {
            qk = rmsNorm(qk, w.qkNorm());
        }
        qk = Rope.apply(qk, rope);
        NDList split = qk.split(new long[] {heads}, 2);
        // queries grouped by the kv head they read: [1, B, KV, G * T, hd]
        NDArray q =
                split.get(0)
                        .reshape(batch, t, kvHeads, group, hd)
                        .transpose(0, 2, 3, 1, 4) // [B, KV, G, T, hd]
                        .reshape(1, batch, kvHeads, group * t, hd);
        NDArray k = split.get(1).transpose(0, 2, 1, 3).expandDims(0); // [1, B, KV, T, hd]
        v = v.transpose(0, 2, 1, 3).expandDims(0);
        if (cache != null) {
            NDArray[] kv = cache.append(l, start, k, v);
            k = kv[0];
            v = kv[1];
        }
        long keys = k.getShape().get(3);
        NDArray scores = q.matMul(k.transpose(0, 1, 2, 4, 3)).mul((float) (1.0 / Math.sqrt(hd)));
        if (mask != null) {
            scores =
                    scores.reshape(batch, kvHeads, group, t, keys)
                            .add(mask)
                            .reshape(1, batch, kvHeads, group * t, keys);
        }
        NDArray out =
                scores.softmax(-1)
                        .matMul(v) // [1, B, KV, G * T, hd]
                        .reshape(batch, kvHeads, group, t, hd)
                        .transpose(0, 3, 1, 2, 4)
                        .reshape(batch, t, (long) heads * hd);
        return w.o().apply(out);
    }

    private NDArray mlp(LlamaWeights.Layer w, NDArray x) {
        NDList gateUp = w.gateUp().apply(x).split(2, 2);
        NDArray gate = gateUp.get(0);
        NDArray act = gate.mul(Activation.sigmoid(gate)).mul(gateUp.get(1));
        return w.down().apply(act);
    }

    /** RMSNorm over the last axis in fp32: x * rsqrt(mean(x^2) + eps) * weight. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray ms = x.square().mean(new int[] {-1}, true);
        return x.div(ms.add((float) config.rmsNormEps()).sqrt()).mul(weight);
    }

    private NDArray tokenArray(int[][] tokens) {
        return Logits.tokenArray(manager, tokens, config.vocab());
    }

    @Override
    public void close() {
        manager.close();
    }
}
