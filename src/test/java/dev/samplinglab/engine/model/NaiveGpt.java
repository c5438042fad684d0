package dev.samplinglab.engine.model;

/**
 * A plain-Java GPT-2 forward over float[] (no DJL), written straight from the paper's equations, to
 * check the NDArray implementation against.
 */
final class NaiveGpt {
    private final ModelConfig c;
    private final float[] wte; // [V, d]
    private final float[] wpe; // [P, d]
    private final float[][][] blocks; // per layer: the 12 arrays of GptWeights.Block in order
    private final float[] lnfG;
    private final float[] lnfB;

    NaiveGpt(GptModel model) {
        this.c = model.config();
        GptWeights w = model.weights();
        wte = w.tokenEmbedding().toFloatArray();
        wpe = w.positionEmbedding.toFloatArray();
        blocks = new float[w.blocks.length][][];
        for (int l = 0; l < blocks.length; l++) {
            blocks[l] =
                    w.blocks[l].arrays().stream()
                            .map(a -> a.toFloatArray())
                            .toArray(float[][]::new);
        }
        lnfG = w.lnFinalGain.toFloatArray();
        lnfB = w.lnFinalBias.toFloatArray();
    }

    /** Logits at every position [t][V]. */
    float[][] forward(int[] tokens) {
        int d = c.nEmbd();
        int t = tokens.length;
        float[][] x = new float[t][d];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = wte[tokens[i] * d + j] + wpe[i * d + j];
            }
        }
        for (float[][] b : blocks) {
            float[][] att = attention(b, norm(x, b[0], b[1]));
            add(x, att);
            float[][] h = norm(x, b[6], b[7]);
            float[][] fc = linear(h, b[8], b[9], 4 * d, d);
            for (float[] row : fc) {
                for (int j = 0; j < row.length; j++) {
                    double v = row[j];
                    row[j] =
                            (float)
                                    (0.5
                                            * v
                                            * (1
                                                    + Math.tanh(
                                                            Math.sqrt(2 / Math.PI)
                                                                    * (v + 0.044715 * v * v * v))));
                }
            }
            add(x, linear(fc, b[10], b[11], d, 4 * d));
        }
        float[][] h = norm(x, lnfG, lnfB);
        return linear(h, wte, new float[c.vocabSize()], c.vocabSize(), d);
    }

    private float[][] attention(float[][] b, float[][] h) {
        int d = c.nEmbd();
        int hs = c.headSize();
        int t = h.length;
        float[][] qkv = linear(h, b[2], b[3], 3 * d, d);
        float[][] out = new float[t][d];
        for (int head = 0; head < c.nHead(); head++) {
            for (int i = 0; i < t; i++) {
                double[] s = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j <= i; j++) {
                    double dot = 0;
                    for (int k = 0; k < hs; k++) {
                        dot += qkv[i][head * hs + k] * qkv[j][d + head * hs + k];
                    }
                    s[j] = dot / Math.sqrt(hs);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j <= i; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j <= i; j++) {
                    for (int k = 0; k < hs; k++) {
                        out[i][head * hs + k] +=
                                (float) (s[j] / sum * qkv[j][2 * d + head * hs + k]);
                    }
                }
            }
        }
        return linear(out, b[4], b[5], d, d);
    }

    /** y = x W^T + b with W in [out, in] layout. */
    private static float[][] linear(float[][] x, float[] w, float[] bias, int out, int in) {
        float[][] y = new float[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double acc = bias[o];
                for (int k = 0; k < in; k++) {
                    acc += x[i][k] * w[o * in + k];
                }
                y[i][o] = (float) acc;
            }
        }
        return y;
    }

    private float[][] norm(float[][] x, float[] g, float[] b) {
        float[][] y = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            double mean = 0;
            for (float v : x[i]) {
                mean += v;
            }
            mean /= x[i].length;
            double var = 0;
            for (float v : x[i]) {
                var += (v - mean) * (v - mean);
            }
            var /= x[i].length;
            double inv = 1 / Math.sqrt(var + c.layerNormEpsilon());
            y[i] = new float[x[i].length];
            for (int j = 0; j < x[i].length; j++) {
                y[i][j] = (float) ((x[i][j] - mean) * inv * g[j] + b[j]);
            }
        }
        return y;
    }

    private static void add(float[][] x, float[][] y) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[i].length; j++) {
                x[i][j] += y[i][j];
            }
        }
    }
}
