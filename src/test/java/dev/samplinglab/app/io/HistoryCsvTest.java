package dev.samplinglab.app.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samplinglab.app.common.FakeStepSource;
import dev.samplinglab.engine.sampling.Preset;
import org.junit.jupiter.api.Test;

class HistoryCsvTest {
    @Test
    void fieldsWithCommasQuotesAndNewlinesAreQuoted() {
        assertThat(HistoryCsv.quote("plain")).isEqualTo("plain");
        assertThat(HistoryCsv.quote(",")).isEqualTo("\",\"");
        assertThat(HistoryCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(HistoryCsv.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(HistoryCsv.quote(" x")).isEqualTo("\" x\"");
    }

    @Test
    void oneRowPerStepAfterTheHeader() {
        FakeStepSource session = new FakeStepSource("The cat", 3);
        var settings = Preset.GENERAL.settings();
        session.step(settings);
        session.step(settings);
        String csv = HistoryCsv.format(session.history(), ExportMetaTest.META, s -> "plain");
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(3);
        int columns = HistoryCsv.HEADER.size() + ExportMeta.CSV_COLUMNS.size();
        assertThat(lines[0].split(",")).hasSize(columns);
        // numbered from 1, as the window numbers steps
        assertThat(lines[2]).startsWith("2," + session.history().get(1).tokenId() + ",");
        assertThat(lines[1].split(",")).hasSize(columns);
    }
}
