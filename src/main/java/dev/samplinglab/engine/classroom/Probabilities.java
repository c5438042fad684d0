package dev.samplinglab.engine.classroom;

import java.util.Locale;
import java.util.PriorityQueue;

/** Softmax, ranks and the short top list of a next-token distribution, in double precision. */
public final class Probabilities {
    private Probabilities() {}

    /** softmax(logits) with the usual max shift; -infinity gives 0. */
    public static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * 1-based rank of {@code id}: 1 + the number of ids that are likelier, or as likely with a
     * smaller id (the charts' order).
     */
    public static int rank(double[] probs, int id) {
        double p = probs[id];
        int above = 0;
        for (int j = 0; j < probs.length; j++) {
            if (probs[j] > p || (probs[j] == p && j < id)) {
                above++;
            }
        }
        return above + 1;
    }

    /** The ids of the {@code n} likeliest tokens, likeliest first (ties by id). */
    public static int[] top(double[] probs, int n) {
        int k = Math.min(n, probs.length);
        // a min-heap of the best k seen so far: its head is the weakest of them
        PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, (a, b) -> compare(probs, b, a));
        for (int i = 0; i < probs.length; i++) {
            best.add(i);
            if (best.size() > k) {
                best.poll();
            }
        }
        int[] out = new int[best.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = best.poll();
        }
        return out;
    }

    /** Negative when a ranks before b: likelier, or as likely with a smaller id. */
    private static int compare(double[] probs, int a, int b) {
        int c = Double.compare(probs[b], probs[a]);
        return c != 0 ? c : Integer.compare(a, b);
    }

    /** 0.12, 0.9, 0.0034, 2.1e-05: two significant digits, plain when 0.001 or more. */
    public static String format(double p) {
        return format(p, 2);
    }

    /** {@code p} to {@code digits} significant digits, plain when 0.001 or more. */
    public static String format(double p, int digits) {
        if (p == 0) {
            return "0";
        }
        if (p >= 0.001) {
            String s = String.format(Locale.ROOT, "%%.%dg".formatted(digits), p);
            if (s.contains("e")) {
                s = String.format(Locale.ROOT, "%.4f", p);
            }
            return stripZeros(s);
        }
        return String.format(Locale.ROOT, "%%.%de".formatted(digits - 1), p);
    }

    private static String stripZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        String t = s.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
