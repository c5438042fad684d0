package dev.samplinglab.cli;

import dev.samplinglab.engine.model.ModelLoadException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps exceptions to exit codes: user errors to 2 with one line, the rest to 1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (isBadInput(ex)) {
            commandLine.getErr().println("error: " + oneLine(ex.getMessage()));
            return Main.EXIT_BAD_INPUT;
        }
        commandLine.getErr().println("internal error: " + ex);
        ex.printStackTrace(commandLine.getErr());
        return Main.EXIT_INTERNAL;
    }

    static int onParameterError(CommandLine.ParameterException ex, String[] args) {
        ex.getCommandLine().getErr().println("error: " + oneLine(ex.getMessage()));
        return Main.EXIT_BAD_INPUT;
    }

    private static boolean isBadInput(Throwable ex) {
        return ex instanceof BadInputException
                || ex instanceof dev.samplinglab.engine.hub.HubException
                || ex instanceof ModelLoadException
                || ex instanceof IllegalArgumentException;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').strip();
    }
}
