package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.Map;

/**
 * A hand-built next-token model: after the context and the text of the extra ids, the listed tokens
 * (by their text) have the listed probabilities and every other id shares the rest equally.
 */
public record TableModel(
        TextTokenizer tokenizer, int[] context, Map<String, Map<String, Double>> table)
        implements NextTokenModel {

    public static TableModel of(
            TextTokenizer tok, String context, Map<String, Map<String, Double>> t) {
        return new TableModel(tok, tok.encode(context), t);
    }

    @Override
    public int[] context() {
        return context.clone();
    }

    @Override
    public double[] probabilities(int[] extra) {
        Map<String, Double> given = table.getOrDefault(tokenizer.decode(extra), Map.of());
        int n = tokenizer.vocabSize();
        double rest = 1 - given.values().stream().mapToDouble(Double::doubleValue).sum();
        double[] p = new double[n];
        java.util.Arrays.fill(p, rest / (n - given.size()));
        given.forEach((text, prob) -> p[single(text)] = prob);
        return p;
    }

    private int single(String text) {
        int[] ids = tokenizer.encode(text);
        if (ids.length != 1) {
            throw new IllegalArgumentException("'%s' is not one token".formatted(text));
        }
        return ids[0];
    }
}
