package dev.samplinglab.app.common;

import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;

/**
 * A decoding session without a model: a 12-token vocabulary with fixed logits per step, the real
 * sampling pipeline, coins from {@link Coins} (a pure function of seed and step, like the engine's)
 * and a cache that grows by one position per step.
 */
public final class FakeStepSource implements StepSource {
    public static final String[] PIECES = {
        "␣the", "␣a", "␣cat", "↵", "␣dog", "!", "␣sat", "␣on", "␣mat", ",", "␣and", "."
    };
    private static final double[] BASE = {
        3.0, 2.5, 2.0, 1.6, 1.4, 1.0, 0.8, 0.5, 0.3, 0.1, -0.2, -0.5
    };

    private final Coins coins;
    private final List<String> prompt;
    private final List<StepResult> history = new ArrayList<>();
    public int coinsDrawn;
    public int redos;
    public boolean closed;

    public FakeStepSource(String prompt, long seed) {
        this.coins = Coins.commonRandomNumbers(seed);
        this.prompt = List.of(prompt.isEmpty() ? new String[] {"␣"} : prompt.split("(?=\\s)"));
    }

    /** Logits of step t: the base vector, slightly perturbed so steps differ. */
    static float[] logits(int step) {
        float[] l = new float[BASE.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = (float) (BASE[i] + 0.4 * Math.sin(1.7 * step + i));
        }
        return l;
    }

    private int[] context(int steps) {
        int[] ctx = new int[prompt.size() + steps];
        for (int i = 0; i < prompt.size(); i++) {
            ctx[i] = Math.floorMod(prompt.get(i).hashCode(), PIECES.length);
        }
        for (int i = 0; i < steps; i++) {
            ctx[prompt.size() + i] = history.get(i).tokenId();
        }
        return ctx;
    }

    private StepResult make(int index, SamplingSettings s, double coin, int forced) {
        SamplingPipeline p = SamplingPipeline.of(s);
        StepTrace t =
                forced < 0
                        ? p.run(logits(index), context(index), coin, i -> PIECES[i], 100)
                        : p.runForced(
                                logits(index), context(index), coin, i -> PIECES[i], 100, forced);
        return new StepResult(
                index,
                t.chosenId(),
                t.chosenPiece(),
                t,
                forced >= 0,
                0.5,
                prompt.size() + index + 1);
    }

    /** How many fresh coins were drawn (redo and force reuse the step's coin). */
    public int coinsDrawn() {
        return coinsDrawn;
    }

    public int redos() {
        return redos;
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public List<String> promptPieces() {
        return prompt;
    }

    @Override
    public StepResult step(SamplingSettings s) {
        int index = history.size();
        coinsDrawn++;
        StepResult r = make(index, s, coins.coin(index), -1);
        history.add(r);
        return r;
    }

    @Override
    public StepResult redo(SamplingSettings s) {
        redos++;
        StepResult last = history.remove(history.size() - 1);
        StepResult r =
                make(last.index(), s, last.trace().coin(), last.forced() ? last.tokenId() : -1);
        history.add(r);
        return r;
    }

    @Override
    public void back() {
        history.remove(history.size() - 1);
    }

    @Override
    public StepResult force(int tokenId, SamplingSettings s) {
        StepResult last = history.remove(history.size() - 1);
        StepResult r = make(last.index(), s, last.trace().coin(), tokenId);
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
