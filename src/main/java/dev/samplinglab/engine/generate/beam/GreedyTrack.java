package dev.samplinglab.engine.generate.beam;

import java.util.Arrays;

/**
 * Greedy search on the same model, prompt and n-gram ban, drawn next to the beams for contrast: at
 * each step the single most likely token (lowest id on ties, as torch.argmax), until EOS or
 * max_new_tokens. Its total log-probability is what beam search is meant to beat.
 */
public final class GreedyTrack implements AutoCloseable {
    private final BeamModel.Rows row;
    private final int[] prompt;
    private final int[] eosIds;
    private final int maxNew;
    private final int noRepeatNgramSize;
    private int[] tokens = new int[0];
    private double[] logProbs = new double[0];
    private boolean ended;

    public GreedyTrack(
            BeamModel model, int[] prompt, int[] eosIds, int maxNewTokens, int noRepeatNgramSize) {
        this.row = model.open(prompt, 1);
        this.prompt = prompt.clone();
        this.eosIds = eosIds.clone();
        this.maxNew = maxNewTokens;
        this.noRepeatNgramSize = noRepeatNgramSize;
    }

    /** Takes one greedy step unless the path has ended; returns whether it took one. */
    public boolean step() {
        if (done()) {
            return false;
        }
        double[] lp = BeamSearch.logSoftmax(row.logits()[0]);
        NoRepeatNgram.ban(noRepeatNgramSize, sequence(), lp);
        int best = argmax(lp);
        tokens = Arrays.copyOf(tokens, tokens.length + 1);
        tokens[tokens.length - 1] = best;
        logProbs = Arrays.copyOf(logProbs, logProbs.length + 1);
        logProbs[logProbs.length - 1] = lp[best];
        ended = Arrays.stream(eosIds).anyMatch(e -> e == best);
        if (!done()) {
            row.advance(new int[] {0}, new int[] {best});
        }
        return true;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int t = 1; t < values.length; t++) {
            if (values[t] > values[best]) {
                best = t;
            }
        }
        return best;
    }

    /** Keeps the first {@code length} tokens (the row restarts on them). */
    public void truncate(int length) {
        if (length >= tokens.length) {
            return;
        }
        tokens = Arrays.copyOf(tokens, length);
        logProbs = Arrays.copyOf(logProbs, length);
        ended = false;
        row.restart(new int[][] {sequence()});
    }

    public boolean done() {
        return ended || tokens.length >= maxNew;
    }

    public int[] tokens() {
        return tokens.clone();
    }

    public double[] logProbs() {
        return logProbs.clone();
    }

    /** Sum of the log-probabilities of the first {@code n} tokens. */
    public double sumLogProbs(int n) {
        double s = 0;
        for (int i = 0; i < Math.min(n, logProbs.length); i++) {
            s += logProbs[i];
        }
        return s;
    }

    public double sumLogProbs() {
        return sumLogProbs(logProbs.length);
    }

    private int[] sequence() {
        int[] s = Arrays.copyOf(prompt, prompt.length + tokens.length);
        System.arraycopy(tokens, 0, s, prompt.length, tokens.length);
        return s;
    }

    @Override
    public void close() {
        row.close();
    }
}
