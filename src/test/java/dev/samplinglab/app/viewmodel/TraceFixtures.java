package dev.samplinglab.app.viewmodel;

import dev.samplinglab.engine.sampling.Candidate;
import dev.samplinglab.engine.sampling.StageKind;
import dev.samplinglab.engine.sampling.StageTrace;
import dev.samplinglab.engine.sampling.StepTrace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hand-built step traces for view-model tests: a fixed distribution, a top-k stage and an
 * inverse-CDF pick with the given coin. Enough to tell steps apart; the real pipeline is tested by
 * the sampling package.
 */
final class TraceFixtures {
    private TraceFixtures() {}

    static StepTrace topK(String[] pieces, double[] probs, int k, double coin) {
        int n = probs.length;
        int[] ids = new int[n];
        List<Candidate> raw = new ArrayList<>();
        List<Candidate> kept = new ArrayList<>();
        double keptMass = 0;
        int keep = k <= 0 ? n : Math.min(k, n);
        for (int i = 0; i < n; i++) {
            ids[i] = i;
            raw.add(
                    new Candidate(
                            i,
                            pieces[i],
                            (float) Math.log(probs[i]),
                            probs[i],
                            true,
                            i,
                            Double.NaN));
            if (i < keep) {
                keptMass += probs[i];
            }
        }
        double cumulative = 0;
        int chosen = keep - 1;
        for (int i = 0; i < n; i++) {
            double p = i < keep ? probs[i] / keptMass : 0;
            kept.add(
                    new Candidate(
                            i,
                            pieces[i],
                            i < keep ? (float) Math.log(probs[i]) : Float.NEGATIVE_INFINITY,
                            p,
                            i < keep,
                            i,
                            Double.NaN));
            if (i < keep && coin >= cumulative && coin < cumulative + p) {
                chosen = i;
            }
            cumulative += p;
        }
        StageTrace rawStage = new StageTrace(null, "raw", Map.of(), n, 1, raw, 0, -1);
        StageTrace topK =
                new StageTrace(
                        StageKind.TOP_K, "top_k", Map.of("k", keep), keep, keptMass, kept, 0, -1);
        StageTrace fin = new StageTrace(null, "final", Map.of(), keep, 1, kept, 0, -1);
        double pc = kept.get(chosen).prob();
        return new StepTrace(
                ids,
                rawStage,
                List.of(topK),
                fin,
                false,
                coin,
                chosen,
                pieces[chosen],
                pc,
                probs[chosen],
                1.5,
                1.0,
                -Math.log(pc) / Math.log(2),
                null);
    }
}
