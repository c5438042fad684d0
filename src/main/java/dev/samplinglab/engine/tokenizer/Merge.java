package dev.samplinglab.engine.tokenizer;

import java.util.Arrays;

/**
 * One learned BPE merge: adjacent tokens {@code left} and {@code right} become {@code result}. A
 * merge's rank is its index in {@link BpeModel#merges()} (lower ranks are applied first).
 */
public record Merge(int left, int right, int result) {

    /** Replaces every non-overlapping (left to right) occurrence of the pair by {@code result}. */
    public int[] applyTo(int[] symbols) {
        int[] out = new int[symbols.length];
        int n = 0;
        for (int i = 0; i < symbols.length; i++) {
            if (i + 1 < symbols.length && symbols[i] == left && symbols[i + 1] == right) {
                out[n++] = result;
                i++;
            } else {
                out[n++] = symbols[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
