package dev.samplinglab.engine.server;

import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import dev.samplinglab.engine.model.KvCache;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

/**
 * A {@link Decoder} whose forward pass is one request to an inference server: each step sends the
 * whole context (the server keeps its own cache; llama.cpp reuses it with {@code cache_prompt}) and
 * returns the top-N log-probabilities it sent, -Infinity for every other id ({@link
 * #returnsTopLogProbs()}). The {@link KvCache} it hands out holds positions only; the tokens of
 * each row are kept here per cache, so back, branch and reset need no server state.
 */
final class ServerDecoder implements Decoder {
    static final String TEXT_CAVEAT =
            "the context goes to the server as text and is tokenized again there, so the server may"
                    + " read other tokens than the ones shown";

    private final LogProbsApi api;
    private final ServerVocab vocab;
    private final DecoderSummary summary;
    private final Map<KvCache, int[][]> rows = new WeakHashMap<>();

    ServerDecoder(LogProbsApi api, ServerVocab vocab) {
        this.api = api;
        this.vocab = vocab;
        ServerFacts f = api.facts();
        this.summary =
                new DecoderSummary(
                        "server " + api.flavour().key(),
                        0,
                        0,
                        0,
                        0,
                        0,
                        f.vocab() > 0 ? f.vocab() : Integer.MAX_VALUE,
                        f.contextOrDefault(),
                        f.parameters(),
                        0,
                        0,
                        -1,
                        List.of());
    }

    @Override
    public DecoderSummary summary() {
        return summary;
    }

    @Override
    public boolean returnsTopLogProbs() {
        return true;
    }

    @Override
    public Optional<String> contextCaveat() {
        return vocab.serverIds() ? Optional.empty() : Optional.of(TEXT_CAVEAT);
    }

    @Override
    public KvCache newCache(int batch) {
        return KvCache.positionsOnly(summary.context(), batch);
    }

    @Override
    public float[][] step(KvCache cache, int[][] tokens, int[] padding) {
        int[][] held;
        synchronized (rows) {
            held = rows.computeIfAbsent(cache, c -> new int[c.batchSize()][0]);
        }
        int[][] next = new int[tokens.length][];
        float[][] out = new float[tokens.length][];
        for (int r = 0; r < tokens.length; r++) {
            int[] before = Arrays.copyOf(held[r], cache.length());
            next[r] = concat(before, tokens[r]);
            out[r] = logProbs(next[r], padding == null ? 0 : padding[r]);
        }
        synchronized (rows) {
            rows.put(cache, next);
        }
        cache.advance(tokens[0].length);
        return out;
    }

    @Override
    public float[][] logitsUncached(int[][] tokens, int[] padding, BooleanSupplier cancelled) {
        float[][] out = new float[tokens.length][];
        for (int r = 0; r < tokens.length; r++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            out[r] = logProbs(tokens[r], padding == null ? 0 : padding[r]);
        }
        return out;
    }

    @Override
    public float[][] logitsAllPositions(int[] tokens) {
        throw unsupported("the logits of every position (eval)");
    }

    @Override
    public float[][] nextTokenLogProbs(int[][] rows) {
        throw unsupported("the log-probability of every position (eval)");
    }

    private ServerException unsupported(String what) {
        return new ServerException(
                ServerException.Kind.UNSUPPORTED,
                "a server model answers one position's top-%d per request; it cannot give %s"
                        .formatted(api.topN(), what));
    }

    /** One request: the row without its padding; the answer as log-probabilities by id. */
    private float[] logProbs(int[] row, int padding) {
        int[] ids = Arrays.stream(row, padding, row.length).filter(id -> id >= 0).toArray();
        TopLogProbs top = api.next(context(ids));
        int[] headIds = new int[top.sent()];
        for (int i = 0; i < headIds.length; i++) {
            headIds[i] = vocab.idOf(top.top().get(i));
        }
        int size = Math.max(vocab.size(), Arrays.stream(ids).max().orElse(-1) + 1);
        float[] out = new float[size];
        Arrays.fill(out, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < headIds.length; i++) {
            double lp = top.top().get(i).logProb();
            double old = out[headIds[i]];
            // two tokens of a text API with the same text are one token here
            double sum =
                    old == Double.NEGATIVE_INFINITY ? lp : Math.log(Math.exp(old) + Math.exp(lp));
            out[headIds[i]] = (float) Math.min(0, sum);
        }
        return out;
    }

    private ServerContext context(int[] ids) {
        if (vocab.serverIds()) {
            return ServerContext.ofIds(ids);
        }
        StringBuilder generated = new StringBuilder();
        for (int i = 1; i < ids.length; i++) {
            generated.append(vocab.text(ids[i]));
        }
        return ServerContext.ofText(
                ids.length == 0 ? "" : vocab.text(ids[0]), generated.toString());
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Override
    public void close() {
        synchronized (rows) {
            rows.clear();
        }
    }
}
