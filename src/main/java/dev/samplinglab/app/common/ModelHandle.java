package dev.samplinglab.app.common;

import dev.samplinglab.engine.chat.ChatTemplateException;
import dev.samplinglab.engine.chat.Prompt;

/** A loaded model that can start decoding sessions. Called only from the worker thread. */
public interface ModelHandle extends AutoCloseable {

    /** Name shown in the window. */
    String name();

    /** Family, size and shapes in one line ("llama · 135M · 30 layers ..."), or empty. */
    default String detail() {
        return "";
    }

    /** Starts a session: prefills the prompt; coins follow the seed. */
    StepSource start(String prompt, long seed);

    /** The model as beam search sees it. */
    default BeamBackend beams() {
        throw new UnsupportedOperationException("this model cannot run beam search");
    }

    /**
     * Starts a session on a plain or chat prompt. Models without a chat template refuse chat mode
     * with a one-line bad-input message.
     */
    default StepSource start(Prompt prompt, long seed) {
        if (prompt.mode() == Prompt.Mode.CHAT) {
            throw new ChatTemplateException("this model has no chat template; use plain mode");
        }
        return start(prompt.user(), seed);
    }

    @Override
    void close();
}
