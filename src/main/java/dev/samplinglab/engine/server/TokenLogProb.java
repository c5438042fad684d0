package dev.samplinglab.engine.server;

/**
 * One token a server sent with its log-probability under the model.
 *
 * @param id the token id, or -1 when the API gives only the token's text
 * @param text the token's text as the server decoded it (may be empty when only the id is known)
 * @param logProb natural log of its probability over the whole vocabulary
 */
public record TokenLogProb(int id, String text, double logProb) {}
