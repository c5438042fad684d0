package dev.samplinglab.engine.train;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.io.Utf8;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text split into training and validation parts: the last 10 % of its characters (Unicode code
 * points) are held out. Training and evaluation use this same split.
 *
 * @param train the first 90 % of the characters
 * @param val the last 10 % of the characters
 */
public record CorpusSplit(String train, String val) {

    /** Share of the characters held out for validation. */
    public static final double VAL_FRACTION = 0.1;

    /** Splits {@code text} at code point {@code n - floor(n * 0.1)}. */
    public static CorpusSplit of(String text) {
        int chars = text.codePointCount(0, text.length());
        int valChars = (int) Math.floor(chars * VAL_FRACTION);
        int cut = text.offsetByCodePoints(0, chars - valChars);
        return new CorpusSplit(text.substring(0, cut), text.substring(cut));
    }

    /** Reads a strict UTF-8 file; empty or malformed input is an IllegalArgumentException. */
    public static String readUtf8(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " is not a readable file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new BadInputException(file + " is empty");
        }
        try {
            return Utf8.decodeStrictly(bytes);
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + " is not valid UTF-8 text", e);
        }
    }

    /** Number of characters (code points) of {@code s}. */
    public static int chars(String s) {
        return s.codePointCount(0, s.length());
    }
}
