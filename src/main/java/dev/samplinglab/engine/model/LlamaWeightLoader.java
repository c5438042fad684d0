package dev.samplinglab.engine.model;

import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Builds {@link LlamaWeights} from safetensors files (Hugging Face names) or at random. */
public final class LlamaWeightLoader {
    private LlamaWeightLoader() {}

    /** Loads every tensor by name, checking its shape against the config (F32, F16 or BF16). */
    public static LlamaWeights load(CheckpointFiles files, LlamaConfig c, NDManager m) {
        return LlamaWeights.build(
                c,
                m,
                (name, shape) -> {
                    TensorInfo info = files.info(name);
                    if (info == null) {
                        return null;
                    }
                    if (!Arrays.equals(info.shape(), shape)) {
                        throw new ModelLoadException(
                                "%s: tensor '%s' has shape %s, expected %s for this config.json"
                                        .formatted(
                                                files.fileOf(name),
                                                name,
                                                info.shapeText(),
                                                Arrays.toString(shape)));
                    }
                    return files.readAsFloat32(name);
                });
    }

    /**
     * Seeded random weights: matrices uniform with standard deviation 0.02 (Hugging Face's
     * initializer_range; uniform because it is several times faster to draw than normal), norms 1,
     * biases small.
     */
    public static LlamaWeights random(LlamaConfig c, NDManager m, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        double halfWidth = 0.02 * Math.sqrt(3);
        return LlamaWeights.build(
                c,
                m,
                (name, shape) -> {
                    SplittableRandom rng = root.split();
                    int n = Math.toIntExact(Arrays.stream(shape).reduce(1, (a, b) -> a * b));
                    ByteBuffer buf = ByteBuffer.allocate(n * 4).order(ByteOrder.nativeOrder());
                    boolean norm = name.endsWith("norm.weight");
                    double scale = name.endsWith(".bias") ? halfWidth / 2 : halfWidth;
                    for (int i = 0; i < n; i++) {
                        if ((i & 0xFFFFF) == 0) {
                            WeightLoader.checkCancelled(name);
                        }
                        float v = norm ? 1f : (float) ((2 * rng.nextDouble() - 1) * scale);
                        buf.putFloat(i * 4, v);
                    }
                    return buf;
                });
    }
}
