package dev.samplinglab.cli;

import dev.samplinglab.engine.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Maps exceptions to exit codes: {@link BadInputException} to 2 with one line, the rest to 1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(
            Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof BadInputException) {
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

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replace('\n', ' ').strip();
    }
}
