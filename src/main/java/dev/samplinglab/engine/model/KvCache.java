package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for the positions decoded so far, preallocated for the whole
 * context (written in place, never grown by concatenation). Stepping back or branching only moves
 * {@link #length()}; later writes overwrite the stale rows. Pope et al. 2022 discuss its cost:
 * https://arxiv.org/abs/2211.05102
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys; // [n_layer] of [1, batch, kv_heads, capacity, head_dim]
    private final NDArray[] values; // [n_layer] of [1, batch, kv_heads, capacity, head_dim]
    private final int batch;
    private final int capacity;
    private final int kvHeads;
    private final int headDim;
    private int length;

    /** Only the key/value heads are stored: a GQA model's cache is heads / kv_heads smaller. */
    KvCache(NDManager parent, DecoderSummary s, int batch) {
        this.manager = parent.newSubManager();
        this.batch = batch;
        this.capacity = s.context();
        this.kvHeads = s.kvHeads();
        this.headDim = s.headDim();
        Shape shape = new Shape(1, batch, kvHeads, capacity, headDim);
        keys = new NDArray[s.layers()];
        values = new NDArray[s.layers()];
        for (int l = 0; l < keys.length; l++) {
            keys[l] = manager.zeros(shape);
            values[l] = manager.zeros(shape);
        }
    }

    /** Number of positions held. */
    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    public int batchSize() {
        return batch;
    }

    public int layers() {
        return keys.length;
    }

    /** Forgets every position from {@code pos} on (for stepping back and branching). */
    public void truncate(int pos) {
        if (pos < 0 || pos > length) {
            throw new IllegalArgumentException(
                    "truncate position " + pos + " outside 0.." + length);
        }
        length = pos;
    }

    /**
     * Bytes of the positions held: 2 (K and V) · layers · positions · kv_heads · head_dim · 4
     * (fp32) · batch.
     */
    public long bytes() {
        return DecoderSummary.kvCacheBytes(keys.length, length, kvHeads, headDim) * batch;
    }

    /** Bytes preallocated for the whole context. */
    public long capacityBytes() {
        return DecoderSummary.kvCacheBytes(keys.length, capacity, kvHeads, headDim) * batch;
    }

    /**
     * Writes new keys/values [1, batch, kv_heads, t, head_dim] at {@code start} and returns all so
     * far.
     */
    NDArray[] append(int layer, int start, NDArray k, NDArray v) {
        int t = (int) k.getShape().get(3);
        NDIndex slot = new NDIndex(":, :, :, {}:{}", start, start + t);
        keys[layer].set(slot, k);
        values[layer].set(slot, v);
        NDIndex upTo = new NDIndex(":, :, :, :{}", start + t);
        return new NDArray[] {keys[layer].get(upTo), values[layer].get(upTo)};
    }

    /** Marks {@code t} more positions as written (after every layer has appended). */
    void advance(int t) {
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache full: " + capacity + " positions");
        }
        length += t;
    }

    @Override
    public void close() {
        manager.close();
    }
}
