package dev.samplinglab.engine.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's reversible byte-to-unicode mapping: each of the 256 byte values is shown as one printable
 * character, so that byte sequences can be stored as ordinary strings in a vocabulary (a space
 * becomes {@code Ġ}, a newline {@code Ċ}).
 *
 * <p>The symbol order (printable bytes {@code !..~}, {@code ¡..¬}, {@code ®..ÿ} first, then the
 * remaining bytes from 0 upwards, mapped to U+0100 onwards) is the {@code bytes_to_unicode} order
 * of Radford et al., "Language Models are Unsupervised Multitask Learners" (2019), <a
 * href="https://github.com/openai/gpt-2/blob/master/src/encoder.py">encoder.py</a>. It is also the
 * order of the first 256 token ids: byte symbol {@code i} in that order gets id {@code i}, exactly
 * like GPT-2's {@code encoder.json}.
 */
public final class ByteLevel {

    /** Number of byte symbols. */
    public static final int BYTE_COUNT = 256;

    private static final char[] BYTE_TO_CHAR = new char[BYTE_COUNT];
    private static final int[] BYTE_TO_ID = new int[BYTE_COUNT];
    private static final int[] ID_TO_BYTE = new int[BYTE_COUNT];

    static {
        int id = 0;
        for (int b = 0; b < BYTE_COUNT; b++) {
            if (isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) b;
                ID_TO_BYTE[id] = b;
                BYTE_TO_ID[b] = id++;
            }
        }
        int extra = 0;
        for (int b = 0; b < BYTE_COUNT; b++) {
            if (!isPrintable(b)) {
                BYTE_TO_CHAR[b] = (char) (BYTE_COUNT + extra++);
                ID_TO_BYTE[id] = b;
                BYTE_TO_ID[b] = id++;
            }
        }
    }

    private ByteLevel() {}

    private static boolean isPrintable(int b) {
        return (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    }

    /** The printable character that stands for byte {@code b} (0..255). */
    public static char charOf(int b) {
        return BYTE_TO_CHAR[b & 0xFF];
    }

    /** The token id (0..255) of the single-byte symbol for byte {@code b}. */
    public static int idOfByte(int b) {
        return BYTE_TO_ID[b & 0xFF];
    }

    /** The byte value (0..255) of single-byte token id {@code id} (0..255). */
    public static int byteOfId(int id) {
        return ID_TO_BYTE[id];
    }

    /** The byte-level form of a text: its UTF-8 bytes, one mapped character per byte. */
    public static String encode(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = charOf(bytes[i]);
        }
        return new String(chars);
    }

    /** Inverse of {@link #encode}: the raw bytes spelled by a byte-level string. */
    public static byte[] decodeBytes(String byteLevel) {
        byte[] out = new byte[byteLevel.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) byteOf(byteLevel.charAt(i));
        }
        return out;
    }

    private static int byteOf(char c) {
        if (c < BYTE_COUNT && isPrintable(c)) {
            return c;
        }
        for (int b = 0; b < BYTE_COUNT; b++) {
            if (BYTE_TO_CHAR[b] == c) {
                return b;
            }
        }
        throw new IllegalArgumentException(
                "character U+" + Integer.toHexString(c) + " is not a byte-level symbol");
    }
}
