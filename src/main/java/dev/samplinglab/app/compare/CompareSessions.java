package dev.samplinglab.app.compare;

import dev.samplinglab.app.common.LabModels;
import dev.samplinglab.app.common.StepResult;
import dev.samplinglab.engine.chat.Prompt;
import dev.samplinglab.engine.generate.DecodeSession;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.beam.Beam;
import dev.samplinglab.engine.generate.beam.BeamDecoding;
import dev.samplinglab.engine.generate.beam.BeamSettings;
import dev.samplinglab.engine.generate.beam.DecoderBeamModel;
import dev.samplinglab.engine.generate.beam.Hypothesis;
import dev.samplinglab.engine.generate.beam.TokenPath;
import dev.samplinglab.engine.sampling.Coins;
import dev.samplinglab.engine.sampling.SamplingPipeline;
import dev.samplinglab.engine.sampling.SamplingSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decode sessions behind the compare view, one per column, all on one model, prompt and seed.
 * With common random numbers every column draws the coin {@code u_t} from the same stream, so the
 * texts differ only because the strategies differ (Glasserman and Yao 1992,
 * https://doi.org/10.1287/mnsc.38.6.884); otherwise column i draws from its own stream. A column
 * whose strategy changed is rebuilt and replayed to the current step. Worker thread only.
 */
final class CompareSessions implements AutoCloseable {
    private final LabModels models;
    private String spec;
    private LanguageModel lm;
    private final List<Entry> entries = new ArrayList<>();
    private int steps;

    CompareSessions(LabModels models) {
        this.models = models;
    }

    /**
     * What the columns should be.
     *
     * @param spec model spec
     * @param prompt the shared prompt
     * @param seed the shared seed
     * @param commonRandomNumbers one coin stream for all columns, or one stream per column
     * @param settings each column's strategy
     */
    record Plan(
            String spec,
            String prompt,
            long seed,
            boolean commonRandomNumbers,
            List<SamplingSettings> settings,
            BeamSettings beams) {
        Plan {
            settings = List.copyOf(settings);
        }

        /** Sampling columns only. */
        Plan(
                String spec,
                String prompt,
                long seed,
                boolean commonRandomNumbers,
                List<SamplingSettings> settings) {
            this(spec, prompt, seed, commonRandomNumbers, settings, null);
        }

        Key key(int column) {
            return new Key(spec, prompt, seed, commonRandomNumbers, column, settings.get(column));
        }

        Coins coins(int column) {
            return commonRandomNumbers
                    ? Coins.commonRandomNumbers(seed)
                    : Coins.independentStream(seed, column);
        }
    }

    private record Key(
            String spec,
            String prompt,
            long seed,
            boolean crn,
            int column,
            SamplingSettings settings) {}

    private record Entry(Key key, DecodeSession session) {}

    private record BeamKey(String spec, String prompt, BeamSettings settings) {}

    private BeamKey beamKey;
    private BeamDecoding beam;

    /** What the view shows after an operation; {@code steps} every column has taken. */
    record ColumnsState(
            String modelName,
            List<String> promptPieces,
            List<List<StepResult>> columns,
            int steps,
            BeamColumn.State beam) {}

    void step(Plan plan) {
        sync(plan);
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).session().step(SamplingPipeline.of(plan.settings().get(i)));
        }
        if (beam != null && !beam.done()) {
            beam.step();
        }
        steps++;
    }

    void back(Plan plan) {
        sync(plan);
        if (steps == 0) {
            return;
        }
        entries.forEach(e -> e.session().back());
        steps--;
        if (beam != null && beam.history().size() > steps) {
            beam.back();
        }
    }

    void reset(Plan plan) {
        closeSessions();
        steps = 0;
        sync(plan);
    }

    /** Makes the sessions match the plan; changed columns are replayed to the current step. */
    void sync(Plan plan) {
        openModel(plan.spec());
        while (entries.size() > plan.settings().size()) {
            entries.remove(entries.size() - 1).session().close();
        }
        for (int i = 0; i < plan.settings().size(); i++) {
            Key key = plan.key(i);
            if (i < entries.size() && entries.get(i).key().equals(key)) {
                continue;
            }
            Entry fresh = new Entry(key, replay(plan, i));
            if (i < entries.size()) {
                entries.set(i, fresh).session().close();
            } else {
                entries.add(fresh);
            }
        }
        syncBeam(plan);
    }

    /** The beam column: rebuilt and replayed when its settings, prompt or model changed. */
    private void syncBeam(Plan plan) {
        BeamKey key =
                plan.beams() == null ? null : new BeamKey(plan.spec(), plan.prompt(), plan.beams());
        if (Objects.equals(key, beamKey)) {
            return;
        }
        closeBeam();
        if (key == null) {
            return;
        }
        BeamDecoding fresh =
                new BeamDecoding(
                        DecoderBeamModel.of(lm, true),
                        plan.beams(),
                        promptIds(plan.prompt()),
                        eosIds(),
                        lm.summary().context());
        try {
            while (fresh.history().size() < steps && !fresh.done()) {
                fresh.step();
            }
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        beam = fresh;
        beamKey = key;
    }

    private int[] promptIds(String prompt) {
        int[] ids = Prompt.plain(prompt).encode(lm.tokenizer());
        if (ids.length == 0) {
            return new int[] {lm.eosId()};
        }
        int budget = lm.summary().context() / 2;
        return ids.length <= budget
                ? ids
                : java.util.Arrays.copyOfRange(ids, ids.length - budget, ids.length);
    }

    private int[] eosIds() {
        return java.util.stream.IntStream.concat(
                        java.util.stream.IntStream.of(lm.eosId()),
                        lm.summary().eosIds().stream().mapToInt(Integer::intValue))
                .distinct()
                .toArray();
    }

    private void closeBeam() {
        if (beam != null) {
            beam.close();
            beam = null;
        }
        beamKey = null;
    }

    /** The best beam so far, or the best finished hypothesis once the search ended. */
    private BeamColumn.State beamState() {
        if (beam == null || beam.history().isEmpty()) {
            return null;
        }
        int[] tokens;
        TokenPath path;
        List<Hypothesis> best = beam.best();
        if (beam.done() && !best.isEmpty()) {
            tokens = best.get(0).tokens();
            path = best.get(0).path();
        } else {
            Beam first = beam.search().running().get(0);
            tokens = first.tokens();
            path = first.path();
        }
        List<String> pieces = new ArrayList<>();
        for (int t : tokens) {
            pieces.add(lm.tokenizer().piece(t));
        }
        String status =
                "%d steps · %d beams · %s · KV cache %.1f KB"
                        .formatted(
                                beam.history().size(),
                                beam.search().settings().numBeams(),
                                beam.done()
                                        ? "ended (" + beam.search().stop().label() + ")"
                                        : "running",
                                beam.cacheBytes() / 1024.0);
        return new BeamColumn.State(tokens, pieces, path.logProbs(), status);
    }

    private DecodeSession replay(Plan plan, int column) {
        DecodeSession s = new DecodeSession(lm, plan.prompt(), plan.coins(column));
        SamplingPipeline p = SamplingPipeline.of(plan.settings().get(column));
        try {
            for (int t = 0; t < steps; t++) {
                s.step(p);
            }
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void openModel(String wanted) {
        if (lm != null && Objects.equals(spec, wanted)) {
            return;
        }
        LanguageModel opened;
        try {
            opened = models.open(wanted);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        close();
        lm = opened;
        beamKey = null;
        spec = wanted;
    }

    ColumnsState state() {
        List<String> prompt = new ArrayList<>();
        List<List<StepResult>> columns = new ArrayList<>();
        for (Entry e : entries) {
            if (prompt.isEmpty()) {
                int[] ids = e.session().tokens();
                for (int i = 0; i < e.session().promptLength(); i++) {
                    prompt.add(lm.tokenizer().piece(ids[i]));
                }
            }
            columns.add(e.session().history().stream().map(StepResult::of).toList());
        }
        return new ColumnsState(lm == null ? "" : lm.name(), prompt, columns, steps, beamState());
    }

    private void closeSessions() {
        entries.forEach(e -> e.session().close());
        entries.clear();
        closeBeam();
    }

    @Override
    public void close() {
        closeSessions();
        if (lm != null) {
            models.release(lm);
            lm = null;
        }
    }
}
