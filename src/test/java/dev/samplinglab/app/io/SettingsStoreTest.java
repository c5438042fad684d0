package dev.samplinglab.app.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.engine.sampling.ChainOrder;
import dev.samplinglab.engine.sampling.SamplingSettings;
import dev.samplinglab.engine.sampling.TopPRule;
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
        SamplingSettings s =
                SamplingSettings.builder()
                        .greedy(true)
                        .temperature(0.7)
                        .topK(12)
                        .topP(0.8)
                        .topPRule(TopPRule.CUMSUM_LE_P)
                        .minP(0.05)
                        .repetitionPenalty(1.2)
                        .frequencyPenalty(0.1)
                        .penaltyWindow(32)
                        .order(ChainOrder.LLAMA_CPP)
                        .build();
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
