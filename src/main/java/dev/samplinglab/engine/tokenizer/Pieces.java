package dev.samplinglab.engine.tokenizer;

import dev.samplinglab.engine.io.Utf8;
import java.nio.charset.CharacterCodingException;

/** Display pieces: byte-level BPE symbols decoded to text, with whitespace made visible. */
public final class Pieces {
    private static final int[] UNICODE_TO_BYTE = unicodeToByte();

    private Pieces() {}

    /** Makes space, newline, tab and carriage return visible (␣ ↵ ⇥ ␍). */
    public static String visible(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints()
                .forEach(
                        cp -> {
                            switch (cp) {
                                case ' ' -> sb.append('␣');
                                case '\n' -> sb.append('↵');
                                case '\t' -> sb.append('⇥');
                                case '\r' -> sb.append('␍');
                                default -> {
                                    if (Character.isISOControl(cp)) {
                                        sb.append(String.format("<0x%02X>", cp));
                                    } else {
                                        sb.appendCodePoint(cp);
                                    }
                                }
                            }
                        });
        return sb.toString();
    }

    /**
     * Decodes a GPT-2 byte-level symbol (e.g. "Ġthe") to its bytes and then to text; bytes that are
     * not complete UTF-8 are shown as {@code <0xE2>}.
     */
    public static String fromByteLevel(String symbol) {
        byte[] bytes = new byte[symbol.length()];
        int n = 0;
        for (int i = 0; i < symbol.length(); i++) {
            char ch = symbol.charAt(i);
            if (ch >= UNICODE_TO_BYTE.length || UNICODE_TO_BYTE[ch] < 0) {
                return visible(symbol);
            }
            bytes[n++] = (byte) UNICODE_TO_BYTE[ch];
        }
        return visible(bytesToText(java.util.Arrays.copyOf(bytes, n)));
    }

    /** UTF-8 text, with each byte of an invalid or partial sequence shown as {@code <0xNN>}. */
    public static String bytesToText(byte[] bytes) {
        try {
            return Utf8.decodeStrictly(bytes);
        } catch (CharacterCodingException e) {
            StringBuilder sb = new StringBuilder();
            for (byte b : bytes) {
                if (b >= 0x20 && b < 0x7f) {
                    sb.append((char) b);
                } else {
                    sb.append(String.format("<0x%02X>", b & 0xff));
                }
            }
            return sb.toString();
        }
    }

    /** GPT-2's bytes_to_unicode, inverted: printable code point back to byte, -1 elsewhere. */
    private static int[] unicodeToByte() {
        int[] map = new int[512];
        java.util.Arrays.fill(map, -1);
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE);
            int cp = printable ? b : 256 + extra++;
            map[cp] = b;
        }
        return map;
    }
}
