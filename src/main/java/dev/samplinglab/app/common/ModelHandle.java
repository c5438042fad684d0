package dev.samplinglab.app.common;

import dev.samplinglab.app.beam.BeamBackend;

/** A loaded model that can start decoding sessions. Called only from the worker thread. */
public interface ModelHandle extends AutoCloseable {

    /** Name shown in the window. */
    String name();

    /** Starts a session: prefills the prompt; coins follow the seed. */
    StepSource start(String prompt, long seed);

    /** The model as beam search sees it. */
    default BeamBackend beams() {
        throw new UnsupportedOperationException("this model cannot run beam search");
    }

    @Override
    void close();
}
