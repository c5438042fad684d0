package dev.samplinglab.engine.tokenizer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a BPE vocabulary spells its tokens, which decides how a token is shown.
 *
 * <ul>
 *   <li>{@link #BYTE_LEVEL}: GPT-2's byte-to-unicode symbols ({@code Ġthe}, {@code Ċ}), as in
 *       GPT-2, SmolLM2, Qwen and Llama 3 (<a
 *       href="https://github.com/openai/gpt-2/blob/master/src/encoder.py">encoder.py</a>).
 *   <li>{@link #SENTENCE_PIECE}: text with {@code ▁} for a space and {@code <0x0A>} tokens for
 *       bytes the vocabulary lacks ("byte fallback"), as in Llama 2 and TinyLlama (Kudo and
 *       Richardson, "SentencePiece", <a
 *       href="https://arxiv.org/abs/1808.06226">arXiv:1808.06226</a>).
 * </ul>
 */
public enum PieceStyle {
    BYTE_LEVEL {
        @Override
        String display(String raw) {
            return Pieces.fromByteLevel(raw);
        }
    },
    SENTENCE_PIECE {
        @Override
        String display(String raw) {
            Matcher m = BYTE_TOKEN.matcher(raw);
            if (m.matches()) {
                return Pieces.visible(
                        Pieces.bytesToText(new byte[] {(byte) Integer.parseInt(m.group(1), 16)}));
            }
            return Pieces.visible(raw.replace(SPACE_MARK, ' '));
        }
    };

    /** SentencePiece's stand-in for a space (U+2581). */
    public static final char SPACE_MARK = '▁';

    private static final Pattern BYTE_TOKEN = Pattern.compile("<0x([0-9A-Fa-f]{2})>");

    /** The display piece of a vocabulary entry spelled {@code raw}. */
    abstract String display(String raw);
}
