package dev.samplinglab.engine.classroom;

import dev.samplinglab.engine.tokenizer.TextTokenizer;
import java.util.Arrays;

/**
 * The token ids a guess's text becomes after the context, as the model's own tokenizer would write
 * it: the end of the context is decoded to text, encoded alone and encoded with the guess after it;
 * the ids the second encoding adds after the first one's are the guess's. This keeps whatever the
 * tokenizer does at a word boundary (GPT-2's {@code Ġ}, SentencePiece's {@code ▁}, a byte
 * tokenizer's separate space) without the engine knowing which kind it has.
 *
 * <p>When the guess would merge with the context's last token (context "...Rom", guess {@code
 * "eo"}: "Romeo" is one token), the model cannot write it that way any more, since its context
 * already holds "Rom". Then the guess is tokenized apart from the context, after a newline anchor
 * (so a SentencePiece tokenizer adds no word-start mark), and {@link #apart()} says so.
 *
 * @param ids the guess's token ids, in order
 * @param apart whether the guess was tokenized apart from the context (see above)
 */
public record GuessTokens(int[] ids, boolean apart) {
    /** How many ids of the context's end are decoded to find the word boundary. */
    static final int TAIL = 16;

    private static final String ANCHOR = "\n";

    public GuessTokens {
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** The ids {@code text} adds after {@code context} under {@code tokenizer}. */
    public static GuessTokens of(TextTokenizer tokenizer, int[] context, String text) {
        if (text.isEmpty()) {
            return new GuessTokens(new int[0], false);
        }
        String tail = tailText(tokenizer, context);
        int[] before = tokenizer.encode(tail);
        int[] after = tokenizer.encode(tail + text);
        int common = commonPrefix(before, after);
        if (common == before.length && after.length > common) {
            return new GuessTokens(Arrays.copyOfRange(after, common, after.length), false);
        }
        int[] anchor = tokenizer.encode(ANCHOR);
        int[] anchored = tokenizer.encode(ANCHOR + text);
        int shared = commonPrefix(anchor, anchored);
        int[] ids =
                shared == anchor.length
                        ? Arrays.copyOfRange(anchored, shared, anchored.length)
                        : tokenizer.encode(text);
        return new GuessTokens(ids, true);
    }

    /**
     * The text of the context's last ids: at most {@link #TAIL}, none before the last special token
     * (BOS, chat markers) and none that decode to a broken character.
     */
    public static String tailText(TextTokenizer tokenizer, int[] context) {
        int from = Math.max(0, context.length - TAIL);
        for (int i = context.length - 1; i >= from; i--) {
            if (tokenizer.isSpecial(context[i])) {
                from = i + 1;
                break;
            }
        }
        String text = tokenizer.decode(Arrays.copyOfRange(context, from, context.length));
        while (text.startsWith("\uFFFD") && from < context.length) {
            from++;
            text = tokenizer.decode(Arrays.copyOfRange(context, from, context.length));
        }
        return text;
    }

    private static int commonPrefix(int[] a, int[] b) {
        int n = Math.min(a.length, b.length);
        int i = 0;
        while (i < n && a[i] == b[i]) {
            i++;
        }
        return i;
    }
}
