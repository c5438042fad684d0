package dev.samplinglab.app.common;

/** A loaded model that can start decoding sessions. Called only from the worker thread. */
public interface ModelHandle extends AutoCloseable {

    /** Name shown in the window. */
    String name();

    /** Starts a session: prefills the prompt; coins follow the seed. */
    StepSource start(String prompt, long seed);

    @Override
    void close();
}
