package dev.samplinglab.engine.generate.beam;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A beam search driven step by step against a {@link BeamModel}: each {@link #step} ranks the
 * candidates on the current rows' logits, then moves every row to its new beam (a cached model
 * copies cache rows, nothing is recomputed). {@link #back} returns to the previous step by
 * restarting the rows on that step's beams (one batched prefill).
 */
public final class BeamDecoding implements AutoCloseable {
    private final BeamSearch search;
    private final BeamModel.Rows rows;
    private final List<BeamStep> history = new ArrayList<>();
    private int rowsAtStep; // how many steps the rows' logits reflect

    /**
     * @param contextSize the model's context: the search stops there if max_new_tokens would pass
     *     it
     */
    public BeamDecoding(
            BeamModel model, BeamSettings settings, int[] prompt, int[] eosIds, int contextSize) {
        int maxLength = Math.min(prompt.length + settings.maxNewTokens(), contextSize);
        this.search = new BeamSearch(settings, prompt, eosIds, maxLength);
        this.rows = model.open(prompt, settings.numBeams());
    }

    /** One step; the rows are advanced only if the search goes on. */
    public BeamStep step() {
        BeamStep step = search.advance(rows.logits());
        history.add(step);
        if (!step.done()) {
            rows.advance(step.parents(), step.tokens());
            rowsAtStep = history.size();
        }
        return step;
    }

    /** Steps until the search ends or {@code cancelled} answers true (asked before each step). */
    public List<Hypothesis> run(BooleanSupplier cancelled) {
        while (!search.done()) {
            if (cancelled.getAsBoolean()) {
                search.cancel();
                break;
            }
            step();
        }
        return best();
    }

    /** Removes the last step. */
    public void back() {
        if (history.isEmpty()) {
            throw new IllegalStateException("no step to undo: the search is at the prompt");
        }
        history.remove(history.size() - 1);
        BeamStep previous = history.isEmpty() ? null : history.get(history.size() - 1);
        search.restore(previous);
        if (rowsAtStep != history.size()) {
            int n = search.settings().numBeams();
            int[][] sequences = new int[n][];
            for (int r = 0; r < n; r++) {
                sequences[r] = search.sequence(r);
            }
            rows.restart(sequences);
            rowsAtStep = history.size();
        }
    }

    /** The best num_return_sequences hypotheses so far. */
    public List<Hypothesis> best() {
        return search.best(search.settings().numReturnSequences());
    }

    public List<BeamStep> history() {
        return List.copyOf(history);
    }

    public BeamSearch search() {
        return search;
    }

    public boolean done() {
        return search.done();
    }

    public long cacheBytes() {
        return rows.cacheBytes();
    }

    @Override
    public void close() {
        rows.close();
    }
}
