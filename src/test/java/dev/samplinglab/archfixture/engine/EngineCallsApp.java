package dev.samplinglab.archfixture.engine;

import dev.samplinglab.archfixture.app.Window;

/** Deliberate violation of the layers: the engine reaches up into the app. */
public final class EngineCallsApp {
    public int call() {
        return new Window().run();
    }
}
