package dev.samplinglab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command lands; exits 1. */
@Command(name = "generate", description = "(not available yet)")
public final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("generate: not available yet");
        return Main.EXIT_INTERNAL;
    }
}
