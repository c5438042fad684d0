package dev.samplinglab.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiecesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Ġthe|␣the",
                "Ċ|↵",
                "ĉ|⇥",
                "ĠĠ|␣␣",
                "hello|hello",
                "âĢ|<0xE2><0x80>",
                "Ã©|é",
                "ĊĊ|↵↵"
            })
    void byteLevelSymbolsBecomeReadablePieces(String symbol, String piece) {
        assertThat(Pieces.fromByteLevel(symbol)).isEqualTo(piece);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"a b|a␣b", "'\t'|⇥"})
    void whitespaceAndControlsAreVisible(String text, String shown) {
        assertThat(Pieces.visible(text.replace("\\t", "\t"))).isEqualTo(shown);
    }

    @org.junit.jupiter.api.Test
    void controlCharactersShowTheirCode() {
        assertThat(Pieces.visible("x" + (char) 1)).isEqualTo("x<0x01>");
    }
}
