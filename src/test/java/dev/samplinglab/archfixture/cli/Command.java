package dev.samplinglab.archfixture.cli;

import dev.samplinglab.archfixture.app.Window;

/** Allowed: the command line opens the app. */
public final class Command {
    public Window open() {
        return new Window();
    }
}
