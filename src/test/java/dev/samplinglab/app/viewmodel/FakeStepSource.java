package dev.samplinglab.app.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A decoding session without a model: a fixed next-token distribution, coins that are a pure
 * function of (seed, step) like the engine's, a cache that grows by one per step.
 */
final class FakeStepSource implements StepSource {
    static final String[] PIECES = {"␣the", "␣a", "␣cat", "↵", "␣dog", "!"};
    static final double[] PROBS = {0.4, 0.25, 0.15, 0.1, 0.06, 0.04};

    private final long seed;
    private final List<String> prompt;
    private final List<StepResult> history = new ArrayList<>();
    int coinsDrawn;
    int redos;
    boolean closed;

    FakeStepSource(String prompt, long seed) {
        this.seed = seed;
        this.prompt = List.of(prompt.split("(?=\\s)"));
    }

    double coin(int step) {
        coinsDrawn++;
        return new Random(seed * 1_000_003L + step).nextDouble();
    }

    private StepResult make(int index, Strategy s, double coin) {
        var trace = TraceFixtures.topK(PIECES, PROBS, s.topK(), coin);
        return new StepResult(
                index,
                trace.chosenId(),
                trace.chosenPiece(),
                trace,
                false,
                1.0,
                prompt.size() + index + 1);
    }

    @Override
    public List<String> promptPieces() {
        return prompt;
    }

    @Override
    public StepResult step(Strategy s) {
        StepResult r = make(history.size(), s, coin(history.size()));
        history.add(r);
        return r;
    }

    @Override
    public StepResult redo(Strategy s) {
        redos++;
        StepResult last = history.remove(history.size() - 1);
        StepResult r = make(last.index(), s, last.trace().coin());
        history.add(r);
        return r;
    }

    @Override
    public void back() {
        history.remove(history.size() - 1);
    }

    @Override
    public StepResult force(int tokenId, Strategy s) {
        StepResult last = history.remove(history.size() - 1);
        StepResult r =
                new StepResult(
                        last.index(),
                        tokenId,
                        PIECES[tokenId],
                        last.trace(),
                        true,
                        1.0,
                        last.cacheLength());
        history.add(r);
        return r;
    }

    @Override
    public void truncateTo(int steps) {
        while (history.size() > steps) {
            history.remove(history.size() - 1);
        }
    }

    @Override
    public List<StepResult> history() {
        return List.copyOf(history);
    }

    @Override
    public int cacheLength() {
        return prompt.size() + history.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
