package dev.samplinglab.app.common;

import dev.samplinglab.engine.classroom.NextTokenModel;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.List;
import java.util.Set;

/**
 * A decoding session as the window drives it: step, redo with new settings, back, branch. The
 * production implementation wraps the engine's DecodeSession; tests use a fake. Called only from
 * the worker thread.
 */
public interface StepSource extends AutoCloseable {

    /** Display pieces of the prompt tokens. */
    List<String> promptPieces();

    /** Positions in {@link #promptPieces()} that are special tokens (shown as distinct chips). */
    default Set<Integer> specialPromptPositions() {
        return Set.of();
    }

    /** Decodes the next token. */
    StepResult step(SamplingSettings settings);

    /** Recomputes the last step with new settings: same logits, same coin. */
    StepResult redo(SamplingSettings settings);

    /** Removes the last step. */
    void back();

    /** Replaces the last step's pick with the given token. */
    StepResult force(int tokenId, SamplingSettings settings);

    /** Keeps the first {@code steps} steps and discards the rest (cache truncated). */
    void truncateTo(int steps);

    /** Steps so far, oldest first. */
    List<StepResult> history();

    /** Current KV-cache length in positions. */
    int cacheLength();

    /**
     * The model at the current step, for scoring guesses (guess mode); the caller closes it. The
     * session is never changed by it.
     *
     * @throws UnsupportedOperationException when this source cannot score guesses
     */
    default NextTokenModel nextTokens() {
        throw new UnsupportedOperationException("this model cannot score guesses");
    }

    @Override
    void close();
}
