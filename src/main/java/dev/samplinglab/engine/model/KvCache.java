package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;

/**
 * Keys and values of every layer for the positions decoded so far, written in place into
 * preallocated blocks (never grown by concatenation per step): the first block holds {@value
 * #FIRST_BLOCK} positions and doubles when full, up to the context, so a model with a 32k context
 * does not reserve gigabytes for a 50-token session. Stepping back or branching only moves {@link
 * #length()}; later writes overwrite the stale rows. Pope et al. 2022 discuss its cost:
 * https://arxiv.org/abs/2211.05102
 */
public final class KvCache implements AutoCloseable {
    static final int FIRST_BLOCK = 256;

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
        Shape shape = shape(Math.min(capacity, FIRST_BLOCK));
        keys = new NDArray[s.layers()];
        values = new NDArray[s.layers()];
        for (int l = 0; l < keys.length; l++) {
            keys[l] = manager.zeros(shape);
            values[l] = manager.zeros(shape);
        }
    }

    /** A cache that holds no tensors, only positions (see {@link #positionsOnly}). */
    private KvCache(int capacity, int batch) {
        this.manager = null;
        this.batch = batch;
        this.capacity = capacity;
        this.kvHeads = 0;
        this.headDim = 0;
        this.keys = new NDArray[0];
        this.values = new NDArray[0];
    }

    /**
     * A cache that counts positions but holds no keys or values, for a decoder whose cache lives
     * elsewhere (an inference server owns its own): {@link #truncate}, {@link #length()} and {@link
     * #capacity()} work as usual, the bytes are 0, and the decoder calls {@link #advance(int)}
     * after each step.
     */
    public static KvCache positionsOnly(int capacity, int batch) {
        return new KvCache(capacity, batch);
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
     * Makes row {@code i} a copy of the old row {@code sourceRows[i]}, for every layer and every
     * position held; rows may repeat or vanish. This is beam search's cache reorder (Hugging Face
     * {@code Cache.reorder_cache(beam_idx)}): the prefix of a reselected beam is copied, never
     * recomputed. Only the {@link #length()} positions are moved, so the cost grows with the
     * sequence, not the capacity. An identity order does nothing.
     */
    public void reorder(int... sourceRows) {
        if (sourceRows.length != batch) {
            throw new IllegalArgumentException(
                    "reorder needs %d source rows, got %d".formatted(batch, sourceRows.length));
        }
        boolean identity = true;
        for (int i = 0; i < batch; i++) {
            if (sourceRows[i] < 0 || sourceRows[i] >= batch) {
                throw new IllegalArgumentException(
                        "source row %d outside 0..%d".formatted(sourceRows[i], batch - 1));
            }
            identity &= sourceRows[i] == i;
        }
        if (identity || length == 0) {
            return;
        }
        if (keys.length == 0) {
            throw new dev.samplinglab.engine.BadInputException(
                    "beam search reorders the model's own cache; a server model has none here,"
                            + " so use sampling instead");
        }
        try (NDScope ignored = new NDScope()) {
            long[] rows = Arrays.stream(sourceRows).asLongStream().toArray();
            NDArray index = manager.create(rows);
            NDIndex held = new NDIndex(":, :, :, :{}", length);
            for (int l = 0; l < keys.length; l++) {
                gatherRows(keys[l], index, held);
                gatherRows(values[l], index, held);
            }
        }
    }

    private static void gatherRows(NDArray store, NDArray index, NDIndex held) {
        NDArray gathered = store.get(held).get(new NDIndex(":, {}", index));
        store.set(held, gathered);
    }

    /**
     * Bytes of the positions held: 2 (K and V) · layers · positions · kv_heads · head_dim · 4
     * (fp32) · batch.
     */
    public long bytes() {
        return DecoderSummary.kvCacheBytes(keys.length, length, kvHeads, headDim) * batch;
    }

    /** Bytes the whole context would take. */
    public long capacityBytes() {
        return DecoderSummary.kvCacheBytes(keys.length, capacity, kvHeads, headDim) * batch;
    }

    /**
     * Writes new keys/values [1, batch, kv_heads, t, head_dim] at {@code start} and returns all so
     * far.
     */
    NDArray[] append(int layer, int start, NDArray k, NDArray v) {
        int t = (int) k.getShape().get(3);
        if (start + t > keys[layer].getShape().get(3)) {
            grow(layer, start + t);
        }
        NDIndex slot = new NDIndex(":, :, :, {}:{}", start, start + t);
        keys[layer].set(slot, k);
        values[layer].set(slot, v);
        NDIndex upTo = new NDIndex(":, :, :, :{}", start + t);
        return new NDArray[] {keys[layer].get(upTo), values[layer].get(upTo)};
    }

    /** Positions allocated now (grows by doubling up to the capacity). */
    public int allocated() {
        return keys.length == 0 ? length : (int) keys[0].getShape().get(3);
    }

    private Shape shape(int positions) {
        return new Shape(1, batch, kvHeads, positions, headDim);
    }

    /** Doubles the block of one layer (at least to {@code need}), copying what it holds. */
    private void grow(int layer, int need) {
        int old = (int) keys[layer].getShape().get(3);
        int size = Math.min(capacity, Math.max(need, 2 * old));
        if (need > size) {
            throw new IllegalStateException("KV cache full: " + capacity + " positions");
        }
        keys[layer] = copyInto(keys[layer], size, old);
        values[layer] = copyInto(values[layer], size, old);
    }

    private NDArray copyInto(NDArray from, int size, int old) {
        NDArray to = manager.zeros(shape(size));
        // made inside a step's scope, but it outlives the step
        ai.djl.ndarray.NDScope.unregister(to);
        to.set(new NDIndex(":, :, :, :{}", old), from);
        from.close();
        return to;
    }

    /** Marks {@code t} more positions as written (after every layer has appended). */
    public void advance(int t) {
        if (length + t > capacity) {
            throw new IllegalStateException("KV cache full: " + capacity + " positions");
        }
        length += t;
    }

    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
    }
}
