package dev.samplinglab.engine.generate.beam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A hand-built "language model": a fixed table of next-token probabilities per generated prefix,
 * written with token names ({@code row("a c", "d", .3, "e", .7)}). Tokens a row does not list get
 * probability 1e-12; a prefix without a row uses the {@link #otherwise} row. Logits are ln p.
 */
public final class TableModel implements BeamModel {
    static final double UNLISTED = 1e-12;

    private final List<String> names;
    private final Map<String, float[]> table = new HashMap<>();
    private float[] otherwise;
    private int forwardCalls;

    public TableModel(String... names) {
        this.names = List.of(names);
    }

    public int id(String name) {
        int id = names.indexOf(name);
        if (id < 0) {
            throw new IllegalArgumentException("no token " + name);
        }
        return id;
    }

    public int[] ids(String spaced) {
        return spaced.isBlank()
                ? new int[0]
                : Arrays.stream(spaced.trim().split(" ")).mapToInt(this::id).toArray();
    }

    public String text(int[] ids) {
        return Arrays.stream(ids).mapToObj(names::get).collect(Collectors.joining(" "));
    }

    /** Next-token probabilities after the generated prefix {@code prefix}: name, p, name, p... */
    public TableModel row(String prefix, Object... pairs) {
        table.put(prefix.trim(), logits(pairs));
        return this;
    }

    public TableModel otherwise(Object... pairs) {
        otherwise = logits(pairs);
        return this;
    }

    private float[] logits(Object[] pairs) {
        double[] p = new double[names.size()];
        Arrays.fill(p, UNLISTED);
        for (int i = 0; i < pairs.length; i += 2) {
            p[id((String) pairs[i])] = ((Number) pairs[i + 1]).doubleValue();
        }
        float[] out = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = (float) Math.log(p[i]);
        }
        return out;
    }

    public int forwardCalls() {
        return forwardCalls;
    }

    @Override
    public int vocabSize() {
        return names.size();
    }

    @Override
    public Rows open(int[] prompt, int rows) {
        return new TableRows(prompt.length, rows, prompt);
    }

    private final class TableRows implements Rows {
        private final int promptLength;
        private List<int[]> sequences = new ArrayList<>();

        TableRows(int promptLength, int rows, int[] prompt) {
            this.promptLength = promptLength;
            for (int r = 0; r < rows; r++) {
                sequences.add(prompt.clone());
            }
            forwardCalls++;
        }

        @Override
        public float[][] logits() {
            float[][] out = new float[sequences.size()][];
            for (int r = 0; r < out.length; r++) {
                int[] s = sequences.get(r);
                String key = text(Arrays.copyOfRange(s, promptLength, s.length));
                float[] row = table.getOrDefault(key, otherwise);
                if (row == null) {
                    throw new IllegalStateException("no table row for '" + key + "'");
                }
                out[r] = row.clone();
            }
            return out;
        }

        @Override
        public void advance(int[] parents, int[] tokens) {
            List<int[]> next = new ArrayList<>();
            for (int r = 0; r < parents.length; r++) {
                int[] p = sequences.get(parents[r]);
                int[] s = Arrays.copyOf(p, p.length + 1);
                s[p.length] = tokens[r];
                next.add(s);
            }
            sequences = next;
            forwardCalls++;
        }

        @Override
        public void restart(int[][] seqs) {
            sequences = new ArrayList<>(Arrays.asList(seqs));
            forwardCalls++;
        }

        @Override
        public long cacheBytes() {
            return 0;
        }

        @Override
        public void close() {}
    }
}
