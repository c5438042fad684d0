package dev.samplinglab.engine.model;

import java.util.Map;

/**
 * A plain-Java Llama / Qwen2 / Qwen3 forward written from the formulas (no NDArrays, no cache,
 * doubles throughout): the reference LlamaModel is checked against. Weights by Hugging Face name,
 * linear weights in torch's [out, in] layout.
 */
final class NaiveLlama {
    private final LlamaConfig c;
    private final Map<String, float[]> w;
    private final double[] invFreq;
    private final boolean interleaved;

    /**
     * @param interleaved rotate pairs (2i, 2i+1) like llama2.c instead of (j, j + d/2)
     */
    NaiveLlama(LlamaConfig c, Map<String, float[]> weights, boolean interleaved) {
        this.c = c;
        this.w = weights;
        this.interleaved = interleaved;
        this.invFreq = inverseFrequencies(c);
    }

    /** inv_freq_i = theta^(-2i/d), then linear (/ factor) or llama3 (by wavelength) scaling. */
    static double[] inverseFrequencies(LlamaConfig c) {
        int half = c.headDim() / 2;
        double[] inv = new double[half];
        RopeScaling s = c.ropeScaling();
        for (int i = 0; i < half; i++) {
            double f = Math.pow(c.ropeTheta(), -2.0 * i / c.headDim());
            if (s.type() == RopeScaling.Type.LINEAR) {
                f /= s.factor();
            } else if (s.type() == RopeScaling.Type.LLAMA3) {
                double wavelength = 2 * Math.PI / f;
                double lowWl = s.originalMaxPositions() / s.lowFreqFactor();
                double highWl = s.originalMaxPositions() / s.highFreqFactor();
                if (wavelength > lowWl) {
                    f = f / s.factor();
                } else if (wavelength >= highWl) {
                    double smooth =
                            (s.originalMaxPositions() / wavelength - s.lowFreqFactor())
                                    / (s.highFreqFactor() - s.lowFreqFactor());
                    f = (1 - smooth) * f / s.factor() + smooth * f;
                }
            }
            inv[i] = f;
        }
        return inv;
    }

    /** Logits at every position [t][vocab]. */
    float[][] logits(int[] tokens) {
        int t = tokens.length;
        int d = c.hidden();
        double[][] x = new double[t][];
        float[] embed = w.get("model.embed_tokens.weight");
        for (int i = 0; i < t; i++) {
            x[i] = new double[d];
            for (int j = 0; j < d; j++) {
                x[i][j] = embed[tokens[i] * d + j];
            }
        }
        for (int l = 0; l < c.layers(); l++) {
            x = layer(l, x);
        }
        float[] head = w.getOrDefault("lm_head.weight", embed);
        if (c.tieWordEmbeddings()) {
            head = embed;
        }
        float[][] out = new float[t][];
        for (int i = 0; i < t; i++) {
            double[] h = rmsNorm(x[i], w.get("model.norm.weight"));
            double[] logits = matVec(head, null, h, c.vocab());
            out[i] = new float[c.vocab()];
            for (int v = 0; v < c.vocab(); v++) {
                out[i][v] = (float) logits[v];
            }
        }
        return out;
    }

    private double[][] layer(int l, double[][] x) {
        String p = "model.layers." + l + ".";
        int t = x.length;
        int hd = c.headDim();
        int heads = c.heads();
        int kvHeads = c.kvHeads();
        double[][][] q = new double[t][][];
        double[][][] k = new double[t][][];
        double[][][] v = new double[t][][];
        for (int i = 0; i < t; i++) {
            double[] h = rmsNorm(x[i], w.get(p + "input_layernorm.weight"));
            q[i] = heads(project(p + "self_attn.q_proj", h, heads * hd), heads);
            k[i] = heads(project(p + "self_attn.k_proj", h, kvHeads * hd), kvHeads);
            v[i] = heads(project(p + "self_attn.v_proj", h, kvHeads * hd), kvHeads);
            if (c.family() == LlamaConfig.Family.QWEN3) {
                for (int hh = 0; hh < heads; hh++) {
                    q[i][hh] = rmsNorm(q[i][hh], w.get(p + "self_attn.q_norm.weight"));
                }
                for (int hh = 0; hh < kvHeads; hh++) {
                    k[i][hh] = rmsNorm(k[i][hh], w.get(p + "self_attn.k_norm.weight"));
                }
            }
            for (int hh = 0; hh < heads; hh++) {
                q[i][hh] = rotate(q[i][hh], i);
            }
            for (int hh = 0; hh < kvHeads; hh++) {
                k[i][hh] = rotate(k[i][hh], i);
            }
        }
        double[][] out = new double[t][];
        int group = heads / kvHeads;
        for (int i = 0; i < t; i++) {
            double[] concat = new double[heads * hd];
            for (int hh = 0; hh < heads; hh++) {
                int kv = hh / group;
                double[] scores = new double[i + 1];
                double max = Double.NEGATIVE_INFINITY;
                for (int s = 0; s <= i; s++) {
                    scores[s] = dot(q[i][hh], k[s][kv]) / Math.sqrt(hd);
                    max = Math.max(max, scores[s]);
                }
                double sum = 0;
                for (int s = 0; s <= i; s++) {
                    scores[s] = Math.exp(scores[s] - max);
                    sum += scores[s];
                }
                for (int s = 0; s <= i; s++) {
                    for (int j = 0; j < hd; j++) {
                        concat[hh * hd + j] += scores[s] / sum * v[s][kv][j];
                    }
                }
            }
            double[] attn = project(p + "self_attn.o_proj", concat, c.hidden());
            double[] h = add(x[i], attn);
            double[] n = rmsNorm(h, w.get(p + "post_attention_layernorm.weight"));
            double[] gate = project(p + "mlp.gate_proj", n, c.intermediate());
            double[] up = project(p + "mlp.up_proj", n, c.intermediate());
            double[] act = new double[gate.length];
            for (int j = 0; j < act.length; j++) {
                act[j] = gate[j] / (1 + Math.exp(-gate[j])) * up[j];
            }
            out[i] = add(h, project(p + "mlp.down_proj", act, c.hidden()));
        }
        return out;
    }

    /** Rotates one head vector at {@code pos}. */
    double[] rotate(double[] u, int pos) {
        int hd = u.length;
        int half = hd / 2;
        double[] out = new double[hd];
        for (int i = 0; i < half; i++) {
            double angle = pos * invFreq[i];
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            int a = interleaved ? 2 * i : i;
            int b = interleaved ? 2 * i + 1 : i + half;
            out[a] = u[a] * cos - u[b] * sin;
            out[b] = u[b] * cos + u[a] * sin;
        }
        return out;
    }

    private double[] project(String name, double[] x, int rows) {
        return matVec(w.get(name + ".weight"), w.get(name + ".bias"), x, rows);
    }

    private double[] rmsNorm(double[] x, float[] weight) {
        double ms = 0;
        for (double v : x) {
            ms += v * v;
        }
        double r = 1 / Math.sqrt(ms / x.length + c.rmsNormEps());
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * r * weight[i];
        }
        return out;
    }

    private static double[] matVec(float[] m, float[] bias, double[] x, int rows) {
        int cols = x.length;
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = bias == null ? 0 : bias[r];
            for (int j = 0; j < cols; j++) {
                s += m[r * cols + j] * x[j];
            }
            out[r] = s;
        }
        return out;
    }

    private double[][] heads(double[] flat, int n) {
        int hd = c.headDim();
        double[][] out = new double[n][hd];
        for (int h = 0; h < n; h++) {
            System.arraycopy(flat, h * hd, out[h], 0, hd);
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }
}
