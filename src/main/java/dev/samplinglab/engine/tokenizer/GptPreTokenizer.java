package dev.samplinglab.engine.tokenizer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GPT-2's pre-tokenization: splits text into words (contractions, letter runs, digit runs,
 * punctuation runs, whitespace runs, each optionally led by one space) before BPE runs inside each
 * word, so merges never cross these boundaries. Same regex as Hugging Face's {@code ByteLevel}
 * pre-tokenizer with {@code use_regex=true} (Radford et al. 2019, <a
 * href="https://github.com/openai/gpt-2/blob/master/src/encoder.py">encoder.py</a>).
 *
 * <p>{@link Pattern#UNICODE_CHARACTER_CLASS} makes {@code \s} the Unicode White_Space property, as
 * in Oniguruma (used by HF tokenizers), instead of Java's ASCII-only default. Letter and digit
 * classes follow the JDK's Unicode version, which can differ from HF's only for characters added in
 * newer Unicode versions.
 */
public final class GptPreTokenizer {

    /** The GPT-2 pattern, verbatim. */
    public static final String REGEX =
            "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";

    private static final Pattern PATTERN = Pattern.compile(REGEX, Pattern.UNICODE_CHARACTER_CLASS);

    private GptPreTokenizer() {}

    /** The words of {@code text} in order; their concatenation is {@code text}. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        int end = 0;
        while (m.find()) {
            if (m.start() > end) {
                words.add(text.substring(end, m.start())); // unreachable for valid text; kept safe
            }
            words.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            words.add(text.substring(end));
        }
        return words;
    }
}
