package dev.samplinglab.archfixture.engine;

/** Allowed: the engine on its own. */
public final class Model {
    public int step() {
        return 1;
    }
}
