package dev.samplinglab.engine.classroom;

/**
 * The text a typed guess stands for, as it would follow the context.
 *
 * <p>Players type words ("you"), not tokens (" you"). The rule, applied to the text before it is
 * tokenized (so every tokenizer then splits it its own way):
 *
 * <ul>
 *   <li>Escapes {@code \n}, {@code \t} and {@code \\}, and the app's visible pieces ␣ ↵ ⇥, stand
 *       for a space, a newline and a tab; trailing spaces are dropped, so a blank guess is empty
 *       (type ␣ or {@code " "} to guess a space).
 *   <li>A guess in double quotes ({@code "eo"}, {@code " you"}) is taken exactly as written: use it
 *       to continue the last word of the context or to give the leading space yourself.
 *   <li>Otherwise a guess that starts with a letter or a digit, after a context that ends with a
 *       letter, a digit or closing punctuation ({@code . , ; : ! ? ) ] }}), is a new word: it gets
 *       one space in front, as the text would be written ("I love" + "you" = "I love you"). A GPT-2
 *       style tokenizer then reads it as the token {@code " you"} ({@code Ġyou}), a SentencePiece
 *       one as {@code ▁you}.
 *   <li>Anything else (a guess starting with a space or punctuation, a context ending with a space,
 *       a newline or an opening bracket, an empty context) is taken as typed.
 * </ul>
 *
 * <p>Case is never changed: "You" and "you" are different tokens to every tokenizer the app opens,
 * and are scored as different guesses.
 */
public final class GuessText {
    private GuessText() {}

    /**
     * The text {@code typed} stands for after a context whose text ends with {@code contextEnd}
     * (any suffix of it; empty for an empty context).
     */
    public static String resolve(String typed, String contextEnd) {
        String t = typed.stripTrailing();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            return unescape(t.substring(1, t.length() - 1));
        }
        String text = unescape(t);
        if (startsWord(text) && endsWord(contextEnd)) {
            return " " + text;
        }
        return text;
    }

    private static boolean startsWord(String text) {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }

    private static boolean endsWord(String context) {
        if (context.isEmpty()) {
            return false;
        }
        int last = context.codePointBefore(context.length());
        return Character.isLetterOrDigit(last) || ".,;:!?)]}".indexOf(last) >= 0;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(i + 1);
                String rep =
                        switch (n) {
                            case 'n' -> "\n";
                            case 't' -> "\t";
                            case '\\' -> "\\";
                            default -> null;
                        };
                if (rep != null) {
                    out.append(rep);
                    i++;
                    continue;
                }
            }
            out.append(
                    switch (c) {
                        case '␣' -> ' ';
                        case '↵' -> '\n';
                        case '⇥' -> '\t';
                        default -> c;
                    });
        }
        return out.toString();
    }
}
