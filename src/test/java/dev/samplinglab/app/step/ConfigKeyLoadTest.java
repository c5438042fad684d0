package dev.samplinglab.app.step;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.EngineModels;
import dev.samplinglab.app.io.SettingsStore;
import dev.samplinglab.engine.generate.ConfigKeyTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The step window's model load (view model, real engine, no toolkit) on a folder with one bad
 * config key: one error line naming the file and the key, and the previous model stays loaded and
 * keeps stepping.
 */
class ConfigKeyLoadTest {
    @TempDir Path dir;
    private final List<String> errors = new ArrayList<>();
    private StepViewModel vm;
    private String goodSpec;

    static Stream<ConfigKeyTable.Row> rows() {
        return ConfigKeyTable.refusedRows();
    }

    @BeforeEach
    void loadAGoodModel() throws IOException {
        Path good = Files.createDirectories(dir.resolve("good"));
        ConfigKeyTable.GPT2.writeValidFolder(good);
        goodSpec = good.toString();
        vm =
                new StepViewModel(
                        new EngineModels(),
                        Runnable::run,
                        Runnable::run,
                        new StepViewModelTest.ManualTicker(),
                        SettingsStore.defaultStrategy());
        vm.onErrorProperty().set(errors::add);
        vm.promptProperty().set("the cat");
        vm.loadModel(goodSpec);
        vm.step();
        assertThat(errors).isEmpty();
        assertThat(vm.history()).hasSize(1);
    }

    @AfterEach
    void shutDown() {
        vm.shutdown();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aBadKeyIsOneLineAndThePreviousModelStays(ConfigKeyTable.Row row) {
        Path bad = row.write(dir.resolve("bad"));
        vm.loadModel(bad.toString());
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0))
                .doesNotContain("\n")
                .startsWith(row.key().file() + ": ")
                .contains("'" + row.key().namedIn(row.mutation()) + "'");
        assertThat(vm.modelSpecProperty().get()).isEqualTo(goodSpec);
        assertThat(vm.loadingProperty().get()).isFalse();
        vm.step();
        assertThat(vm.history()).hasSize(2);
    }
}
