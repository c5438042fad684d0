package dev.samplinglab.engine.sampling;

import dev.samplinglab.engine.sampling.Truncation.StageCaveat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Follows the chain over a server's head and notes each stage whose answer the unseen tail may
 * change. It tracks whether tokens outside the head may still be kept ({@code tailOpen}), bounds on
 * the share of the true distribution that the tail holds ({@code tailLow}..{@code tailHigh}), and
 * whether the head's relative logits are exact ({@code ratiosExact}). Every token the server did
 * not send is at most as probable as the least probable one it sent (p_N), so a top-k or min-p cut
 * inside the head is exact, and after temperature T &lt; 1 the tail's weight Σ p^(1/T) is at most
 * p_N^(1/T − 1) · R, which often decides where the p line falls.
 */
final class TruncationTracker {
    private static final double UNSEEN_EPS = 1e-12;

    private final SamplingSettings settings;
    private final int sent;
    private final double restMass;
    private final double leastSent;
    private final List<StageCaveat> caveats = new ArrayList<>();
    private boolean tailOpen;
    private double tailLow;
    private double tailHigh;
    private boolean ratiosExact = true;

    TruncationTracker(SamplingSettings settings, Distribution raw) {
        this.settings = settings;
        this.sent = raw.keptCount();
        this.restMass = raw.unseenMass();
        this.leastSent = Arrays.stream(raw.probsAtPositions()).min().orElse(0);
        this.tailOpen = restMass > UNSEEN_EPS;
        this.tailLow = restMass;
        this.tailHigh = restMass;
    }

    /** Notes what {@code kind} did, from its input and output. */
    void stage(StageKind kind, Distribution in, StageResult r, int[] context) {
        switch (kind) {
            case REPETITION_PENALTY -> repetition(in, context);
            case FREQUENCY_PRESENCE_PENALTY -> frequency(in, context);
            case TEMPERATURE -> temperature(in);
            case TOP_K -> topK(in);
            case TOP_P -> topP(in);
            case MIN_P -> minP(in, r.out());
            case TYPICAL_P -> typical();
        }
    }

    /** The step's record once the picker is reached. */
    Truncation finish(boolean greedy, Optional<String> contextCaveat) {
        if (tailOpen && !greedy) {
            answer(
                    "final",
                    "the app draws only from the %d tokens the server sent; %s of the mass lies outside them"
                            .formatted(sent, share()));
        }
        return new Truncation(sent, restMass, caveats, contextCaveat);
    }

    private void repetition(Distribution in, int[] context) {
        if (ContextCounts.of(context, settings.penaltyWindow(), in.vocabSize()).ids().length > 0) {
            answer(
                    StageKind.REPETITION_PENALTY.traceName(),
                    "divides or multiplies by the sign of a raw logit, but the server sent log-probabilities (all negative)");
            ratiosExact = false;
        }
    }

    private void frequency(Distribution in, int[] context) {
        boolean outside = false;
        for (int id : ContextCounts.of(context, settings.penaltyWindow(), in.vocabSize()).ids()) {
            outside |= !in.isKept(id);
        }
        if (tailOpen && outside) {
            answer(
                    StageKind.FREQUENCY_PRESENCE_PENALTY.traceName(),
                    "penalised tokens outside the %d the server sent are not seen".formatted(sent));
            tailLow = 0;
            tailHigh = 1;
            ratiosExact &= settings.frequencyPenalty() >= 0 && settings.presencePenalty() >= 0;
        }
    }

    private void temperature(Distribution in) {
        if (!tailOpen) {
            return;
        }
        caveats.add(
                new StageCaveat(
                        StageKind.TEMPERATURE.traceName(),
                        "renormalizes over the %d tokens the server sent only (%s of the mass is outside them)"
                                .formatted(sent, percent(restMass)),
                        false));
        boolean trueScale = tailLow == tailHigh && Math.abs(in.unseenMass() - tailLow) < 1e-9;
        double a = 1 / settings.temperature();
        if (!trueScale || a < 1) {
            tailLow = 0; // T > 1 can lift the tail without bound (its size is unknown)
            tailHigh = 1;
            return;
        }
        double head = 0;
        for (double p : in.probsAtPositions()) {
            head += Math.pow(p, a);
        }
        double tail = Math.pow(leastSent, a - 1) * restMass; // each unseen p <= p_N
        tailLow = 0;
        tailHigh = tail / (head + tail);
    }

    private void topK(Distribution in) {
        int k = settings.topK();
        if (tailOpen && k > in.keptCount()) {
            answer(
                    StageKind.TOP_K.traceName(),
                    "keeps %d tokens, more than the %d the server sent"
                            .formatted(k, in.keptCount()));
            return;
        }
        closeTail();
    }

    private void topP(Distribution in) {
        String name = StageKind.TOP_P.traceName();
        if (!ratiosExact) {
            answer(name, "sums probabilities the penalties changed inexactly");
            return;
        }
        if (!tailOpen) {
            return;
        }
        double[] sorted = sortedDescending(in);
        double asComputed = in.unseenMass();
        int high = keptByTopP(sorted, tailHigh);
        if (high < 0 && (tailLow == tailHigh || keptByTopP(sorted, tailLow) < 0)) {
            answer(
                    name,
                    "extends past the %d tokens the server sent: they hold %s, short of p = %s"
                            .formatted(sent, percent(1 - tailLow), number(settings.topP())));
        } else if (high < 0) {
            answer(
                    name,
                    "may extend past the %d tokens the server sent: after temperature they hold between %s and %s, and p = %s"
                            .formatted(
                                    sent,
                                    percent(1 - tailHigh),
                                    percent(1 - tailLow),
                                    number(settings.topP())));
        } else if (keptByTopP(sorted, tailLow) != high || keptByTopP(sorted, asComputed) != high) {
            answer(
                    name,
                    "the p line falls inside the %d tokens sent, but where depends on the unseen tail"
                            .formatted(sent));
        } else {
            closeTail();
        }
    }

    /** Tokens top-p keeps when the tail holds {@code tail} of the true mass; -1 past the head. */
    private int keptByTopP(double[] sortedHead, double tail) {
        double total = 0;
        for (double p : sortedHead) {
            total += p;
        }
        double scale = (1 - tail) / total;
        double p = settings.topP();
        double sum = 0;
        for (int i = 0; i < sortedHead.length; i++) {
            sum += sortedHead[i] * scale;
            if (sum >= p - TopP.TOLERANCE) {
                boolean inclusive = settings.topPRule() == TopPRule.INCLUSIVE;
                return inclusive || sum <= p + TopP.TOLERANCE ? i + 1 : Math.max(1, i);
            }
        }
        return -1;
    }

    private static double[] sortedDescending(Distribution d) {
        double[] p = d.probsAtPositions().clone();
        Arrays.sort(p);
        for (int i = 0, j = p.length - 1; i < j; i++, j--) {
            double t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private void minP(Distribution in, Distribution out) {
        String name = StageKind.MIN_P.traceName();
        if (!ratiosExact) {
            answer(name, "compares probabilities the penalties changed inexactly");
            return;
        }
        if (tailOpen && out.keptCount() == in.keptCount()) {
            answer(
                    name,
                    "keeps every token the server sent; tokens outside the %d may pass min-p too"
                            .formatted(sent));
            return;
        }
        closeTail();
    }

    private void typical() {
        if (tailOpen || !ratiosExact) {
            answer(
                    StageKind.TYPICAL_P.traceName(),
                    "needs the entropy of the whole distribution; the server sent %d tokens"
                            .formatted(sent));
            ratiosExact = false;
        }
    }

    /** A cut inside the head: nothing outside it is kept, and renormalizing made it exact. */
    private void closeTail() {
        tailOpen = false;
        tailLow = 0;
        tailHigh = 0;
    }

    private void answer(String stage, String note) {
        caveats.add(new StageCaveat(stage, note, true));
    }

    private String share() {
        return tailLow == tailHigh
                ? percent(tailLow)
                : "between %s and %s".formatted(percent(tailLow), percent(tailHigh));
    }

    private static String percent(double mass) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * mass);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }
}
