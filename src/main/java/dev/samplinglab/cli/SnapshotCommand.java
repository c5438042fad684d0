package dev.samplinglab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command lands; exits 1. */
@Command(name = "snapshot", description = "(not available yet)")
public final class SnapshotCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("snapshot: not available yet");
        return Main.EXIT_INTERNAL;
    }
}
