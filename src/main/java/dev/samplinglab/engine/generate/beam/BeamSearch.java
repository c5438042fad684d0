package dev.samplinglab.engine.generate.beam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Beam search as a step machine without a model: given every running beam's next-token logits it
 * ranks the continuations, finishes, prunes and keeps beams, and says when to stop. It follows
 * Hugging Face transformers' {@code GenerationMixin._beam_search} (src/transformers/generation/
 * utils.py, the vectorised version of 2025) step by step:
 *
 * <ol>
 *   <li>log_softmax of each beam's logits, then the logits processors on the log-probs (here only
 *       {@code no_repeat_ngram_size}, {@link NoRepeatNgram}), plus the beam's running score;
 *   <li>{@code _get_top_k_continuations}: the top {@code beams_to_keep = max(2, 1 + number of EOS
 *       ids)·num_beams} of all num_beams·vocab sums, beam = index / vocab, token = index % vocab;
 *   <li>a candidate "hits the stopping criteria" when its token is EOS or the sequence reaches
 *       max_length ({@code EosTokenCriteria}, {@code MaxLengthCriteria});
 *   <li>{@code _get_running_beams_for_next_iteration}: the num_beams best candidates, those that
 *       hit pushed down by -1e9, become the running beams (their parents are the cache reorder);
 *   <li>{@code _update_finished_beams}: only candidates ranked below num_beams that hit may finish
 *       ({@code top_num_beam_mask}; an EOS ranked num_beams or lower is skipped, as the older
 *       {@code BeamSearchScorer.process} in beam_search.py also does), scored {@code sum_logprobs /
 *       generated_len ** length_penalty} with generated_len counting the new token ({@code cur_len
 *       + 1 - decoder_prompt_len}); none are added once no improvement is possible, or with
 *       early_stopping=true once num_beams are finished; the best num_beams of old and new stay (as
 *       {@code BeamHypotheses.add} in beam_search.py);
 *   <li>{@code _check_early_stop_heuristic}: the best running beam's score divided by {@code
 *       (cur_len - prompt_len) ** length_penalty} (or by {@code (max_length - prompt_len) **
 *       length_penalty} for early_stopping="never" with length_penalty &gt; 0) must still beat the
 *       worst finished score once num_beams are finished (as {@code BeamHypotheses.is_done}); the
 *       flag never comes back once false;
 *   <li>{@code _beam_search_has_unfinished_sequences}: stop when no improvement is possible, when
 *       early_stopping=true and num_beams are finished, or when every candidate hit.
 * </ol>
 *
 * <p>As in HF the beams start as num_beams copies of the prompt with running scores [0, -1e9, ...],
 * so the first step draws every candidate from beam 0. Scores are doubles here (HF keeps float32),
 * so ties broken by rounding may differ. The result is the finished list, best first.
 */
public final class BeamSearch {
    /** Hugging Face's "very large negative value" for masked scores. */
    static final double NEG = -1.0e9;

    private final BeamSettings settings;
    private final int[] prompt;
    private final int[] eosIds;
    private final int maxLength;
    private List<Beam> running;
    private List<Hypothesis> finished = List.of();
    private boolean improvable = true;
    private BeamStop stop = BeamStop.NONE;
    private int generated;

    /**
     * @param eosIds the tokens that end a sequence (none for a model without EOS)
     * @param maxLength prompt plus the most new tokens (HF's max_length)
     */
    public BeamSearch(BeamSettings settings, int[] prompt, int[] eosIds, int maxLength) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("beam search needs at least one prompt token");
        }
        if (maxLength <= prompt.length) {
            throw new IllegalArgumentException(
                    "no room to generate: the prompt has %d tokens and the limit is %d"
                            .formatted(prompt.length, maxLength));
        }
        this.settings = settings;
        this.prompt = prompt.clone();
        this.eosIds = eosIds.clone();
        this.maxLength = maxLength;
        this.running = initialBeams(settings.numBeams());
    }

    private static List<Beam> initialBeams(int n) {
        List<Beam> beams = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            beams.add(new Beam(i, -1, -1, 0, i == 0 ? 0 : NEG, new int[0], TokenPath.EMPTY));
        }
        return beams;
    }

    /** Runs one step on the logits of every running beam [num_beams][vocab]. */
    public BeamStep advance(float[][] logits) {
        if (stop != BeamStop.NONE) {
            throw new IllegalStateException("the beam search has ended (" + stop.label() + ")");
        }
        int n = settings.numBeams();
        if (logits.length != n) {
            throw new IllegalArgumentException(
                    "expected logits for %d beams, got %d".formatted(n, logits.length));
        }
        double[][] logProbs = new double[n][];
        double[] entropies = new double[n];
        for (int r = 0; r < n; r++) {
            logProbs[r] = logSoftmax(logits[r]);
            entropies[r] = entropy(logProbs[r]);
            NoRepeatNgram.ban(settings.noRepeatNgramSize(), sequence(r), logProbs[r]);
        }
        // HF's beams_to_keep: enough that num_beams survive even if the top ones all end
        TopCandidates top = topContinuations(logProbs, Math.max(2, 1 + eosIds.length) * n);
        int curLen = prompt.length + generated;
        boolean atLimit = curLen + 1 >= maxLength;
        int vocab = logits[0].length;
        int k = top.size();
        int[] parent = new int[k];
        int[] token = new int[k];
        boolean[] hits = new boolean[k];
        for (int j = 0; j < k; j++) {
            parent[j] = top.index(j) / vocab;
            token[j] = top.index(j) % vocab;
            hits[j] = atLimit || isEos(token[j]);
        }
        int[] slots = new int[k];
        List<Beam> next = nextRunning(top, parent, token, hits, logProbs, entropies, slots);
        int generatedLength = curLen + 1 - prompt.length;
        Map<Integer, Hypothesis> ended =
                endedCandidates(top, parent, token, hits, generatedLength, logProbs, entropies);
        List<Hypothesis> merged = mergeFinished(ended.values());
        List<BeamCandidate> candidates =
                describe(top, parent, token, logProbs, slots, ended, merged, generatedLength);
        running = next;
        finished = merged;
        generated++;
        updateHeuristic();
        stop = stopReason(hits, atLimit);
        return new BeamStep(generated - 1, candidates, running, finished, improvable, stop);
    }

    private TopCandidates topContinuations(double[][] logProbs, int k) {
        TopCandidates top = new TopCandidates(k);
        int vocab = logProbs[0].length;
        for (int r = 0; r < logProbs.length; r++) {
            double base = running.get(r).score();
            for (int t = 0; t < vocab; t++) {
                top.offer(logProbs[r][t] + base, r * vocab + t);
            }
        }
        return top;
    }

    private List<Beam> nextRunning(
            TopCandidates top,
            int[] parent,
            int[] token,
            boolean[] hits,
            double[][] logProbs,
            double[] entropies,
            int[] slots) {
        Arrays.fill(slots, -1);
        Integer[] order = new Integer[top.size()];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingDouble(j -> -runningScore(top, hits, j)));
        List<Beam> next = new ArrayList<>();
        for (int slot = 0; slot < settings.numBeams() && slot < order.length; slot++) {
            int j = order[slot];
            slots[j] = slot;
            Beam from = running.get(parent[j]);
            double lp = logProbs[parent[j]][token[j]];
            next.add(
                    new Beam(
                            slot,
                            parent[j],
                            token[j],
                            lp,
                            runningScore(top, hits, j),
                            append(from.tokens(), token[j]),
                            from.path().plus(lp, entropies[parent[j]])));
        }
        return next;
    }

    private static double runningScore(TopCandidates top, boolean[] hits, int j) {
        return top.value(j) + (hits[j] ? NEG : 0);
    }

    private Map<Integer, Hypothesis> endedCandidates(
            TopCandidates top,
            int[] parent,
            int[] token,
            boolean[] hits,
            int generatedLength,
            double[][] logProbs,
            double[] entropies) {
        Map<Integer, Hypothesis> ended = new LinkedHashMap<>();
        int n = settings.numBeams();
        boolean full = finished.size() == n;
        boolean accepting = improvable && !(full && settings.earlyStopping() == EarlyStopping.TRUE);
        for (int j = 0; j < Math.min(n, top.size()); j++) {
            if (!hits[j]) {
                continue;
            }
            double score = settings.lengthPenalised(top.value(j), generatedLength);
            if (!accepting || !(score > NEG)) {
                ended.put(j, null);
                continue;
            }
            Beam from = running.get(parent[j]);
            TokenPath path = from.path().plus(logProbs[parent[j]][token[j]], entropies[parent[j]]);
            ended.put(
                    j,
                    new Hypothesis(
                            append(from.tokens(), token[j]),
                            top.value(j),
                            score,
                            generated,
                            parent[j],
                            isEos(token[j]),
                            path));
        }
        return ended;
    }

    private List<Hypothesis> mergeFinished(Collection<Hypothesis> ended) {
        List<Hypothesis> all = new ArrayList<>(finished);
        for (Hypothesis h : ended) {
            if (h != null) {
                all.add(h);
            }
        }
        // stable: on equal scores the older hypothesis (concatenated first in HF) stays ahead
        all.sort(Comparator.comparingDouble(h -> -h.score()));
        return List.copyOf(all.subList(0, Math.min(all.size(), settings.numBeams())));
    }

    private List<BeamCandidate> describe(
            TopCandidates top,
            int[] parent,
            int[] token,
            double[][] logProbs,
            int[] slots,
            Map<Integer, Hypothesis> ended,
            List<Hypothesis> merged,
            int generatedLength) {
        Map<Hypothesis, Boolean> kept = new IdentityHashMap<>();
        merged.forEach(h -> kept.put(h, true));
        List<BeamCandidate> out = new ArrayList<>();
        for (int j = 0; j < top.size(); j++) {
            int slot = slots[j];
            Fate fate;
            double finishedScore = Double.NaN;
            if (ended.containsKey(j)) {
                Hypothesis h = ended.get(j);
                fate = h != null && kept.containsKey(h) ? Fate.FINISHED : Fate.FINISHED_DROPPED;
                finishedScore = settings.lengthPenalised(top.value(j), generatedLength);
            } else if (slot >= 0) {
                fate = Fate.KEPT;
            } else if (isEos(token[j])) {
                fate = Fate.EOS_SKIPPED;
            } else {
                fate = Fate.PRUNED;
            }
            out.add(
                    new BeamCandidate(
                            j,
                            parent[j],
                            token[j],
                            logProbs[parent[j]][token[j]],
                            top.value(j),
                            fate,
                            slot,
                            finishedScore));
        }
        return out;
    }

    private void updateHeuristic() {
        if (!improvable) {
            return;
        }
        int n = settings.numBeams();
        double lp = settings.lengthPenalty();
        int bestLength =
                settings.earlyStopping() == EarlyStopping.NEVER && lp > 0
                        ? maxLength - prompt.length
                        : generated;
        double bestPossible = running.get(0).score() / Math.pow(bestLength, lp);
        double worstFinished = finished.size() < n ? NEG : finished.get(n - 1).score();
        improvable = bestPossible > worstFinished;
    }

    private BeamStop stopReason(boolean[] hits, boolean atLimit) {
        boolean allHit = true;
        for (boolean h : hits) {
            allHit &= h;
        }
        if (atLimit) {
            return BeamStop.LENGTH;
        }
        if (allHit) {
            return BeamStop.ALL_ENDED;
        }
        boolean full = finished.size() == settings.numBeams();
        if (full && settings.earlyStopping() == EarlyStopping.TRUE) {
            return BeamStop.EARLY_STOPPING;
        }
        return improvable ? BeamStop.NONE : BeamStop.NO_IMPROVEMENT;
    }

    /** Marks the search as cancelled; {@link #best} then falls back on the running beams. */
    public void cancel() {
        if (stop == BeamStop.NONE) {
            stop = BeamStop.CANCELLED;
        }
    }

    /** Goes back to the state after {@code step} (null: before the first step). */
    public void restore(BeamStep step) {
        if (step == null) {
            running = initialBeams(settings.numBeams());
            finished = List.of();
            improvable = true;
            stop = BeamStop.NONE;
            generated = 0;
            return;
        }
        running = step.beams();
        finished = step.finished();
        improvable = step.improvable();
        stop = step.stop();
        generated = step.step() + 1;
    }

    /**
     * The best {@code k} finished hypotheses; when fewer finished (a cancelled search), the running
     * beams fill in, scored with the same length penalty.
     */
    public List<Hypothesis> best(int k) {
        List<Hypothesis> out = new ArrayList<>(finished);
        if (out.size() < k) {
            List<Hypothesis> open = new ArrayList<>();
            for (Beam b : running) {
                if (b.length() > 0 && b.score() > NEG / 2) {
                    double s = settings.lengthPenalised(b.score(), b.length());
                    open.add(
                            new Hypothesis(
                                    b.tokens(),
                                    b.score(),
                                    s,
                                    generated - 1,
                                    b.slot(),
                                    false,
                                    b.path()));
                }
            }
            open.sort(Comparator.comparingDouble(h -> -h.score()));
            out.addAll(open);
        }
        return Collections.unmodifiableList(out.subList(0, Math.min(k, out.size())));
    }

    /** Prompt plus the generated tokens of running beam {@code slot}. */
    public int[] sequence(int slot) {
        int[] g = running.get(slot).tokens();
        int[] s = Arrays.copyOf(prompt, prompt.length + g.length);
        System.arraycopy(g, 0, s, prompt.length, g.length);
        return s;
    }

    public List<Beam> running() {
        return running;
    }

    public List<Hypothesis> finished() {
        return finished;
    }

    public BeamStop stop() {
        return stop;
    }

    public boolean done() {
        return stop != BeamStop.NONE;
    }

    public int generated() {
        return generated;
    }

    public BeamSettings settings() {
        return settings;
    }

    public int maxLength() {
        return maxLength;
    }

    public int[] prompt() {
        return prompt.clone();
    }

    /** Whether {@code token} is one of the end-of-sequence ids. */
    public boolean isEos(int token) {
        for (int e : eosIds) {
            if (e == token) {
                return true;
            }
        }
        return false;
    }

    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }

    /** Shannon entropy in nats of a normalised log-probability vector. */
    static double entropy(double[] logProbs) {
        double h = 0;
        for (double lp : logProbs) {
            if (lp > Double.NEGATIVE_INFINITY) {
                h -= Math.exp(lp) * lp;
            }
        }
        return h;
    }

    private static int[] append(int[] tokens, int token) {
        int[] out = Arrays.copyOf(tokens, tokens.length + 1);
        out[tokens.length] = token;
        return out;
    }
}
