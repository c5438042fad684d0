package dev.samplinglab.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TabIdTest {
    @ParameterizedTest
    @CsvSource({"step,STEP", "compare,COMPARE", "cache,CACHE", "playground,PLAYGROUND"})
    void everyTabIsFoundByItsKey(String key, TabId tab) {
        assertThat(TabId.find(key)).contains(tab);
        assertThat(tab.nodeId()).isEqualTo("tab-" + key);
    }

    @ParameterizedTest
    @CsvSource({"Step", "kv", "''"})
    void otherNamesAreNotTabs(String key) {
        assertThat(TabId.find(key)).isEqualTo(Optional.empty());
    }

    @org.junit.jupiter.api.Test
    void theChoicesReadAsAList() {
        assertThat(TabId.choices()).isEqualTo("step, compare, cache or playground");
    }
}
