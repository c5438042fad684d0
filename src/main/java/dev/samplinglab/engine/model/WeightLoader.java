package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** Builds {@link GptWeights} from a safetensors file (Hugging Face GPT-2 names) or at random. */
public final class WeightLoader {
    private WeightLoader() {}

    /** Loads Hugging Face GPT-2 tensors, with or without the {@code transformer.} prefix. */
    public static GptWeights load(SafetensorsFile file, ModelConfig c, NDManager m) {
        String prefix = file.tensors().containsKey("transformer.wte.weight") ? "transformer." : "";
        String fileName = file.path().getFileName().toString();
        return build(
                c,
                m,
                (name, shape) -> {
                    TensorInfo info = file.tensors().get(prefix + name);
                    if (info == null) {
                        throw new ModelLoadException(
                                fileName
                                        + ": tensor '"
                                        + prefix
                                        + name
                                        + "' is missing (expected shape "
                                        + Arrays.toString(shape)
                                        + ")");
                    }
                    if (!Arrays.equals(info.shape(), shape)) {
                        throw new ModelLoadException(
                                fileName
                                        + ": tensor '"
                                        + info.name()
                                        + "' has shape "
                                        + info.shapeText()
                                        + ", expected "
                                        + Arrays.toString(shape)
                                        + " for this config.json");
                    }
                    return file.readAsFloat32(info);
                });
    }

    /** Seeded random weights in the GPT-2 initialization (normal, std 0.02; gains 1). */
    public static GptWeights random(ModelConfig c, NDManager m, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double projStd = 0.02 / Math.sqrt(2.0 * c.nLayer());
        return build(
                c,
                m,
                (name, shape) -> {
                    int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
                    ByteBuffer buf =
                            ByteBuffer.allocate(n * 4).order(java.nio.ByteOrder.nativeOrder());
                    boolean gain =
                            name.endsWith("ln_1.weight")
                                    || name.endsWith("ln_2.weight")
                                    || name.equals("ln_f.weight");
                    boolean bias = name.endsWith(".bias");
                    double std = name.endsWith("c_proj.weight") ? projStd : 0.02;
                    for (int i = 0; i < n; i++) {
                        if ((i & 0xFFFFF) == 0) {
                            checkCancelled(name);
                        }
                        float v =
                                gain
                                        ? 1f
                                        : bias
                                                ? (float) (rng.nextGaussian() * 0.01)
                                                : (float) (rng.nextGaussian() * std);
                        buf.putFloat(i * 4, v);
                    }
                    return buf;
                });
    }

    /**
     * Loading is cancelled by interrupting the loading thread: it stops before the next tensor (or
     * within the next million random values) with a {@link ModelLoadException}.
     */
    static void checkCancelled(String tensor) {
        if (Thread.currentThread().isInterrupted()) {
            throw new ModelLoadException("loading cancelled (at tensor " + tensor + ")");
        }
    }

    private static GptWeights build(
            ModelConfig c, NDManager m, BiFunction<String, long[], ByteBuffer> source) {
        long d = c.nEmbd();
        var arrays =
                new Object() {
                    ByteBuffer bytes(String name, long... shape) {
                        checkCancelled(name);
                        return source.apply(name, shape);
                    }

                    NDArray vec(String name, long n) {
                        return GptWeights.create(m, bytes(name, n), new long[] {n});
                    }

                    Projection conv1d(String name, long in, long out) {
                        ByteBuffer w = bytes(name + ".weight", in, out);
                        ByteBuffer b = bytes(name + ".bias", out);
                        return GptWeights.conv1d(m, w, new long[] {in, out}, b);
                    }
                };
        Projection wte =
                Projection.of(
                        m,
                        arrays.bytes("wte.weight", c.vocabSize(), d),
                        c.vocabSize(),
                        d,
                        (ByteBuffer) null);
        NDArray wpe =
                GptWeights.create(
                        m,
                        arrays.bytes("wpe.weight", c.nPositions(), d),
                        new long[] {c.nPositions(), d});
        GptWeights.Block[] blocks = new GptWeights.Block[c.nLayer()];
        for (int i = 0; i < blocks.length; i++) {
            String h = "h." + i + ".";
            blocks[i] =
                    new GptWeights.Block(
                            arrays.vec(h + "ln_1.weight", d),
                            arrays.vec(h + "ln_1.bias", d),
                            arrays.conv1d(h + "attn.c_attn", d, 3 * d),
                            arrays.conv1d(h + "attn.c_proj", d, d),
                            arrays.vec(h + "ln_2.weight", d),
                            arrays.vec(h + "ln_2.bias", d),
                            arrays.conv1d(h + "mlp.c_fc", d, 4 * d),
                            arrays.conv1d(h + "mlp.c_proj", 4 * d, d));
        }
        return new GptWeights(
                wte, wpe, blocks, arrays.vec("ln_f.weight", d), arrays.vec("ln_f.bias", d));
    }

    /**
     * Writes weights with Hugging Face GPT-2 names and Conv1D layout (loadable by transformers).
     */
    public static void save(GptWeights w, ModelConfig c, java.nio.file.Path file, DType dtype)
            throws java.io.IOException {
        SafetensorsWriter out = new SafetensorsWriter(dtype);
        out.add(
                "wte.weight",
                new long[] {w.lmHead.outFeatures(), w.lmHead.inFeatures()},
                w.lmHead.toFloatArray());
        out.add(
                "wpe.weight",
                w.positionEmbedding.getShape().getShape(),
                w.positionEmbedding.toFloatArray());
        for (int i = 0; i < w.blocks.length; i++) {
            GptWeights.Block b = w.blocks[i];
            String h = "h." + i + ".";
            addVec(out, h + "ln_1.weight", b.ln1Gain());
            addVec(out, h + "ln_1.bias", b.ln1Bias());
            addConv1d(out, h + "attn.c_attn.weight", b.qkvWeight());
            addVec(out, h + "attn.c_attn.bias", b.qkvBias());
            addConv1d(out, h + "attn.c_proj.weight", b.attnOutWeight());
            addVec(out, h + "attn.c_proj.bias", b.attnOutBias());
            addVec(out, h + "ln_2.weight", b.ln2Gain());
            addVec(out, h + "ln_2.bias", b.ln2Bias());
            addConv1d(out, h + "mlp.c_fc.weight", b.fcWeight());
            addVec(out, h + "mlp.c_fc.bias", b.fcBias());
            addConv1d(out, h + "mlp.c_proj.weight", b.fcOutWeight());
            addVec(out, h + "mlp.c_proj.bias", b.fcOutBias());
        }
        addVec(out, "ln_f.weight", w.lnFinalGain);
        addVec(out, "ln_f.bias", w.lnFinalBias);
        out.write(file);
    }

    private static void addVec(SafetensorsWriter out, String name, NDArray a) {
        out.add(name, a.getShape().getShape(), a.toFloatArray());
    }

    private static void addConv1d(SafetensorsWriter out, String name, NDArray a) {
        long[] s = a.getShape().getShape();
        int rows = (int) s[0];
        int cols = (int) s[1];
        float[] dst = GptWeights.transpose(a.toFloatArray(), rows, cols);
        out.add(name, new long[] {cols, rows}, dst);
    }
}
