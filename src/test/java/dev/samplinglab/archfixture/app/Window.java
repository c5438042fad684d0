package dev.samplinglab.archfixture.app;

import dev.samplinglab.archfixture.engine.Model;

/** Allowed: the app drives the engine. */
public final class Window {
    public int run() {
        return new Model().step();
    }
}
