package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.model.ModelLoadException;
import dev.samplinglab.engine.model.NonFiniteLogitsException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Only {@link BadInputException} (and its subclasses) is bad input; anything else is a bug. */
class ErrorHandlerTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new BadInputException("top-p must be in (0, 1]"), 2),
                Arguments.of(new ModelLoadException("config.json: key 'n_embd' is missing"), 2),
                Arguments.of(new IllegalArgumentException("a bug, not the user's input"), 1),
                Arguments.of(new NonFiniteLogitsException("the model produced NaN"), 1),
                Arguments.of(new IllegalStateException("a bug"), 1),
                Arguments.of(new NullPointerException(), 1));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void mapsOnlyBadInputToExitTwo(Exception ex, int exit) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main()).setErr(new PrintWriter(err, true));
        int code = new ErrorHandler().handleExecutionException(ex, cl, null);
        assertThat(code).isEqualTo(exit);
        if (exit == 2) {
            assertThat(err.toString().strip()).isEqualTo("error: " + ex.getMessage());
        } else {
            assertThat(err.toString()).startsWith("internal error: ").contains("\tat ");
        }
    }
}
