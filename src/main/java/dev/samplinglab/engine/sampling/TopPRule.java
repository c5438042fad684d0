package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.LowerCaseNamed;

/**
 * Where the nucleus ends. Both rules walk the tokens in descending probability (ties by id) and
 * compare the cumulative probability with p; they differ only on the token that crosses p.
 */
public enum TopPRule {
    /**
     * The smallest set whose cumulative probability reaches p: a token is kept iff the mass of the
     * tokens before it is &lt; p, so the crossing token is kept. Holtzman et al. 2019, Hugging
     * Face, llama.cpp and vLLM.
     */
    INCLUSIVE("inclusive", "keeps the smallest set whose cumulative probability reaches p"),

    /**
     * Keep tokens while the cumulative sum including them is &lt;= p, so the crossing token is
     * dropped unless it lands exactly on p. The rule many tutorials print; at least one token is
     * always kept.
     */
    CUMSUM_LE_P("cumsum-le-p", "keeps tokens while the cumulative probability is <= p");

    private final String cliName;
    private final String explanation;

    TopPRule(String cliName, String explanation) {
        this.cliName = cliName;
        this.explanation = explanation;
    }

    /** Name used by {@code --top-p-rule} and in traces. */
    public String cliName() {
        return cliName;
    }

    /** A one-line explanation for the UI. */
    public String explanation() {
        return explanation;
    }

    /** Parses {@code inclusive} or {@code cumsum-le-p} (case-insensitive, '_' accepted). */
    public static TopPRule parse(String text) {
        String dashed = text == null ? null : text.replace('_', '-');
        return LowerCaseNamed.find(values(), TopPRule::cliName, dashed)
                .orElseThrow(
                        () ->
                                new BadInputException(
                                        "top-p rule must be inclusive or cumsum-le-p (got '%s')"
                                                .formatted(text)));
    }
}
