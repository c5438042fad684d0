package dev.samplinglab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command lands; exits 1. */
@Command(name = "bench", description = "(not available yet)")
public final class BenchCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("bench: not available yet");
        return Main.EXIT_INTERNAL;
    }
}
