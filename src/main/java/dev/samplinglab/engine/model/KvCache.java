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
    private final NDArray[] keys; // [n_layer] of [1, batch, n_head, capacity, head_size]
    private final NDArray[] values; // [n_layer] of [1, batch, n_head, capacity, head_size]
    private final int batch;
    private final int capacity;
    private final int width;
    private int length;

    KvCache(NDManager parent, ModelConfig c, int batch) {
        this.manager = parent.newSubManager();
        this.batch = batch;
        this.capacity = c.nPositions();
        this.width = c.nEmbd();
        Shape shape = new Shape(1, batch, c.nHead(), capacity, c.headSize());
        keys = new NDArray[c.nLayer()];
        values = new NDArray[c.nLayer()];
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

    /** Bytes of the positions held: 2 (K and V) x layers x positions x width x 4 (fp32) x batch. */
    public long bytes() {
        return 2L * keys.length * length * width * 4L * batch;
    }

    /** Bytes preallocated for the whole context. */
    public long capacityBytes() {
        return 2L * keys.length * capacity * width * 4L * batch;
    }

    /**
     * Writes new keys/values [batch, n_head, t, head_size] at {@code start} and returns all so far.
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
