package dev.samplinglab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusSplitTest {

    @Test
    void holdsOutTheLastTenthOfTheCharactersCountingCodePoints() {
        // 20 code points, two of them outside the BMP (surrogate pairs in Java)
        String text = "abcdefghijklmnopq😀r😀";
        CorpusSplit s = CorpusSplit.of(text);
        assertThat(s.val()).isEqualTo("r😀");
        assertThat(s.train() + s.val()).isEqualTo(text);
        assertThat(CorpusSplit.of("123456789").val()).isEmpty(); // floor(0.9) = 0 chars
    }

    @Test
    void rejectsEmptyAndMalformedFiles(@TempDir Path dir) throws Exception {
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path latin1 =
                Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertThatThrownBy(() -> CorpusSplit.readUtf8(empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CorpusSplit.readUtf8(latin1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> CorpusSplit.readUtf8(dir.resolve("missing.txt")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
