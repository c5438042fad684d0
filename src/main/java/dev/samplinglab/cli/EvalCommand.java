package dev.samplinglab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command lands; exits 1. */
@Command(name = "eval", description = "(not available yet)")
public final class EvalCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("eval: not available yet");
        return Main.EXIT_INTERNAL;
    }
}
