package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The weights of a Llama-family decoder in fp32, read by their Hugging Face names. Projections that
 * read the same input are stacked once at load (q, k, v into one matrix; gate and up into another)
 * so each is a single {@code linear} op; the arithmetic is unchanged. Linear weights keep torch's
 * [out, in] layout.
 */
public final class LlamaWeights {

    /** One decoder layer. d = hidden, H/KV = query/kv heads, hd = head_dim, I = intermediate. */
    public record Layer(
            NDArray inputNorm, // [d]
            Projection qkv, // [(H + 2 KV) hd, d] (+ bias): q_proj, k_proj, v_proj stacked
            NDArray qkNorm, // [H + KV, hd]: q_norm for each query head, then k_norm; or null
            Projection o, // [d, H hd] (+ bias)
            NDArray postNorm, // [d]
            Projection gateUp, // [2 I, d]: gate_proj then up_proj
            Projection down // [d, I]
            ) {}

    public final Projection embedding; // [vocab, d]; lookups through rows(ids)
    public final Layer[] layers;
    public final NDArray finalNorm; // [d]
    public final Projection lmHead; // [vocab, d]; over the embedding's memory when tied
    public final boolean tied;

    LlamaWeights(Projection embedding, Layer[] layers, NDArray finalNorm, Projection lmHead) {
        this.embedding = embedding;
        this.layers = layers.clone();
        this.finalNorm = finalNorm;
        this.lmHead = lmHead;
        this.tied = lmHead == embedding;
    }

    /** Every distinct array, the tied head counted once (moves every projection off-heap). */
    public List<NDArray> arrays() {
        List<NDArray> all = new ArrayList<>(List.of(embedding.weight(), finalNorm));
        if (!tied) {
            all.add(lmHead.weight());
        }
        for (Layer l : layers) {
            for (NDArray a :
                    new NDArray[] {
                        l.inputNorm,
                        l.qkv.weight(),
                        l.qkv.bias(),
                        l.qkNorm,
                        l.o.weight(),
                        l.o.bias(),
                        l.postNorm,
                        l.gateUp.weight(),
                        l.down.weight()
                    }) {
                if (a != null) {
                    all.add(a);
                }
            }
        }
        return all;
    }

    /** Bytes held (fp32). */
    public long bytes() {
        long n = embedding.bytes() + size(finalNorm) + (tied ? 0 : lmHead.bytes());
        for (Layer l : layers) {
            n += l.qkv.bytes() + l.o.bytes() + l.gateUp.bytes() + l.down.bytes();
            n += size(l.inputNorm) + size(l.qkNorm) + size(l.postNorm);
        }
        return n;
    }

    private static long size(NDArray a) {
        return a == null ? 0 : a.getShape().size() * 4;
    }

    /**
     * Builds the weights from {@code source}, which returns the tensor of a Hugging Face name as
     * float32 in native order after checking it has the given shape, or null when it is absent
     * (only {@code lm_head.weight} may be).
     */
    static LlamaWeights build(
            LlamaConfig c, NDManager m, BiFunction<String, long[], ByteBuffer> source) {
        long d = c.hidden();
        long hd = c.headDim();
        long q = c.heads() * hd;
        long kv = c.kvHeads() * hd;
        Layer[] layers = new Layer[c.layers()];
        for (int i = 0; i < layers.length; i++) {
            String p = "model.layers." + i + ".";
            String a = p + "self_attn.";
            layers[i] =
                    new Layer(
                            array(m, source, p + "input_layernorm.weight", d),
                            Projection.of(
                                    m,
                                    stacked(
                                            source,
                                            new String[] {
                                                a + "q_proj.weight",
                                                a + "k_proj.weight",
                                                a + "v_proj.weight"
                                            },
                                            new long[] {q, kv, kv},
                                            d),
                                    q + 2 * kv,
                                    d,
                                    c.qkvBias()
                                            ? stacked(
                                                    source,
                                                    new String[] {
                                                        a + "q_proj.bias",
                                                        a + "k_proj.bias",
                                                        a + "v_proj.bias"
                                                    },
                                                    new long[] {q, kv, kv},
                                                    0)
                                            : null),
                            c.qkNorm() ? qkNorm(m, source, a, c) : null,
                            Projection.of(
                                    m,
                                    bytes(source, a + "o_proj.weight", d, q),
                                    d,
                                    q,
                                    c.outputBias() ? bytes(source, a + "o_proj.bias", d) : null),
                            array(m, source, p + "post_attention_layernorm.weight", d),
                            Projection.of(
                                    m,
                                    stacked(
                                            source,
                                            new String[] {
                                                p + "mlp.gate_proj.weight", p + "mlp.up_proj.weight"
                                            },
                                            new long[] {c.intermediate(), c.intermediate()},
                                            d),
                                    2 * c.intermediate(),
                                    d,
                                    (ByteBuffer) null),
                            Projection.of(
                                    m,
                                    bytes(source, p + "mlp.down_proj.weight", d, c.intermediate()),
                                    d,
                                    c.intermediate(),
                                    (ByteBuffer) null));
        }
        Projection embedding =
                Projection.of(
                        m,
                        bytes(source, "model.embed_tokens.weight", c.vocab(), d),
                        c.vocab(),
                        d,
                        (ByteBuffer) null);
        ByteBuffer head =
                c.tieWordEmbeddings()
                        ? null
                        : source.apply("lm_head.weight", new long[] {c.vocab(), d});
        return new LlamaWeights(
                embedding,
                layers,
                array(m, source, "model.norm.weight", d),
                head == null ? embedding : Projection.of(m, head, c.vocab(), d, (ByteBuffer) null));
    }

    private static NDArray array(
            NDManager m,
            BiFunction<String, long[], ByteBuffer> source,
            String name,
            long... shape) {
        return m.create(bytes(source, name, shape), new Shape(shape), DataType.FLOAT32);
    }

    private static ByteBuffer bytes(
            BiFunction<String, long[], ByteBuffer> source, String name, long... shape) {
        WeightLoader.checkCancelled(name);
        ByteBuffer b = source.apply(name, shape);
        if (b == null) {
            throw new ModelLoadException(
                    "tensor '%s' is missing (expected shape %s)"
                            .formatted(name, java.util.Arrays.toString(shape)));
        }
        return b;
    }

    /** Tensors [rows_i, cols] (or vectors when cols = 0) stacked along the first axis. */
    private static ByteBuffer stacked(
            BiFunction<String, long[], ByteBuffer> source, String[] names, long[] rows, long cols) {
        long total = 0;
        for (long r : rows) {
            total += r;
        }
        long width = Math.max(cols, 1);
        ByteBuffer out =
                ByteBuffer.allocate(Math.toIntExact(total * width * 4))
                        .order(ByteOrder.nativeOrder());
        for (int i = 0; i < names.length; i++) {
            WeightLoader.checkCancelled(names[i]);
            long[] shape = cols == 0 ? new long[] {rows[i]} : new long[] {rows[i], cols};
            ByteBuffer part = source.apply(names[i], shape);
            if (part == null) {
                throw new ModelLoadException(
                        "tensor '%s' is missing (expected shape %s)"
                                .formatted(names[i], java.util.Arrays.toString(shape)));
            }
            out.put(part.rewind());
        }
        return out.rewind();
    }

    /** q_norm repeated for each query head, then k_norm for each kv head: [H + KV, hd]. */
    private static NDArray qkNorm(
            NDManager m, BiFunction<String, long[], ByteBuffer> source, String a, LlamaConfig c) {
        long hd = c.headDim();
        ByteBuffer qn = source.apply(a + "q_norm.weight", new long[] {hd});
        ByteBuffer kn = source.apply(a + "k_norm.weight", new long[] {hd});
        if (qn == null || kn == null) {
            throw new ModelLoadException(
                    "tensor '%s' is missing (expected shape [%d]); qwen3 needs q_norm and k_norm"
                            .formatted(a + (qn == null ? "q_norm" : "k_norm") + ".weight", hd));
        }
        int rows = c.heads() + c.kvHeads();
        ByteBuffer out =
                ByteBuffer.allocateDirect(Math.toIntExact(rows * hd * 4))
                        .order(ByteOrder.nativeOrder());
        for (int h = 0; h < rows; h++) {
            out.put((h < c.heads() ? qn : kn).rewind());
        }
        return m.create(out.rewind(), new Shape(rows, hd), DataType.FLOAT32);
    }
}
