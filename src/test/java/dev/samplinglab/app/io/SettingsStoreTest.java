package dev.samplinglab.app.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.widgets.Strategy;
import dev.samplinglab.engine.sampling.ChainOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
    @TempDir Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        assertThat(new SettingsStore(dir).load()).isEqualTo(SettingsStore.defaults());
    }

    @Test
    void savedSettingsComeBack() throws Exception {
        Strategy s =
                new Strategy(
                        true,
                        0.7,
                        12,
                        0.8,
                        Strategy.Rule.CUMSUM_LE_P,
                        0.05,
                        1,
                        1.2,
                        0.1,
                        0,
                        32,
                        ChainOrder.LLAMA_CPP.stages());
        AppSettings saved =
                new AppSettings("random:tiny", "To be\nor not", 42, s, 30, 2.5, 1200, 800);
        SettingsStore store = new SettingsStore(dir);
        store.save(saved);
        assertThat(store.load()).isEqualTo(saved);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve(SettingsStore.FILE_NAME));
        }
    }

    @Test
    void aCorruptFileGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve(SettingsStore.FILE_NAME), "{\"model\": \"x\", \"seed\": [");
        assertThat(new SettingsStore(dir).load()).isEqualTo(SettingsStore.defaults());
    }

    @Test
    void wrongTypesUnknownStagesAndOutOfRangeValuesGiveTheDefaults() throws Exception {
        SettingsStore store = new SettingsStore(dir);
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        Files.writeString(file, "[1, 2, 3]");
        assertThat(store.load()).isEqualTo(SettingsStore.defaults());
        Files.writeString(
                file,
                "{\"model\":\"m\",\"prompt\":\"p\",\"strategy\":{\"temperature\":"
                        + "99,\"rule\":\"INCLUSIVE\",\"order\":[]},\"topN\":25,\"width\":900,"
                        + "\"height\":700}");
        assertThat(store.load()).isEqualTo(SettingsStore.defaults());
        Files.writeString(
                file,
                "{\"model\":\"m\",\"prompt\":\"p\",\"strategy\":{\"temperature\":"
                        + "1,\"topP\":1,\"rule\":\"INCLUSIVE\",\"order\":[\"NOPE\"]},\"topN\":25,"
                        + "\"width\":900,\"height\":700}");
        assertThat(store.load()).isEqualTo(SettingsStore.defaults());
        Files.write(file, new byte[] {(byte) 0xff, 0, 0x7b});
        assertThat(store.load()).isEqualTo(SettingsStore.defaults());
    }

    @Test
    void theConfigFolderFollowsTheSystemProperty() {
        String before = System.getProperty("samplinglab.config.dir");
        try {
            System.setProperty("samplinglab.config.dir", dir.toString());
            assertThat(SettingsStore.configDir()).isEqualTo(dir);
            assertThat(SettingsStore.inUserConfig().file())
                    .isEqualTo(dir.resolve(SettingsStore.FILE_NAME));
        } finally {
            if (before == null) {
                System.clearProperty("samplinglab.config.dir");
            } else {
                System.setProperty("samplinglab.config.dir", before);
            }
        }
    }
}
