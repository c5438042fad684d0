package dev.samplinglab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.generate.ConfigKeyTable;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code generate} on a model folder with one bad config key: exit 2 and one line on stderr naming
 * the file and the key; a missing optional key loads with its default.
 */
class ConfigKeyTableCliTest {
    @TempDir Path dir;

    static Stream<ConfigKeyTable.Row> rows() {
        return ConfigKeyTable.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void badKeyExitsTwoWithOneLineNamingFileAndKey(ConfigKeyTable.Row row) {
        Path folder = row.write(dir.resolve("model"));
        CliRun run =
                CliRun.of(
                        "generate",
                        "--model",
                        folder.toString(),
                        "--prompt",
                        "the cat",
                        "--max-new-tokens",
                        "1");
        if (!row.refused()) {
            assertThat(run.exitCode()).as(run.err()).isZero();
            return;
        }
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err())
                .startsWith("error: " + row.key().file() + ": ")
                .contains("'" + row.key().namedIn(row.mutation()) + "'");
    }
}
