package dev.samplinglab.app.common;

import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.beam.BeamModel;

/**
 * What the beam view needs from a loaded model: the engine's {@link BeamModel} (a KV-cache row per
 * beam) and the tokenizer's side. Called only from the worker thread.
 */
public interface BeamBackend {
    /** A fresh model view (the production one counts its forward calls). */
    BeamModel model();

    /**
     * The prompt's token ids, plain or through the chat template (never empty; trimmed to half the
     * context).
     */
    int[] encode(Prompt prompt);

    /** The ids that end a sequence. */
    int[] eosIds();

    /** The model's context in positions. */
    int contextSize();

    /** A token as the chips show it. */
    String piece(int id);

    /** Text of a token sequence (special tokens dropped). */
    String decode(int[] ids);
}
