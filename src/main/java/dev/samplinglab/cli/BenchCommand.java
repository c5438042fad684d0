package dev.samplinglab.cli;

import com.google.gson.GsonBuilder;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.CacheLab;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Decode throughput with and without the KV cache against the memory-bandwidth bound: a decode step
 * must read every weight once, so tokens/s can not beat bandwidth / weight bytes.
 */
@Command(
        name = "bench",
        description = "Benchmark cached vs uncached decoding.",
        mixinStandardHelpOptions = true)
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--model",
            description = "bundled[:NAME], random:NAME or a model folder.",
            defaultValue = "random:gpt2-small")
    String model;

    @Option(
            names = "--tokens",
            split = ",",
            description = "Sequence lengths to decode.",
            defaultValue = "64,256,512")
    List<Integer> lengths;

    @Option(
            names = "--threads",
            description =
                    "libtorch intra-op threads (default: every core, like the bandwidth bound;"
                            + " the app uses 1 to keep a core for the UI).")
    Integer threads;

    @Option(
            names = "--repeats",
            description = "Cached runs per length; the median is reported.",
            defaultValue = "3")
    int repeats;

    @Option(names = "--no-uncached", description = "Skip the uncached runs.")
    boolean skipUncached;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + threads + ")");
        }
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        System.setProperty(
                "ai.djl.pytorch.num_threads", String.valueOf(threads != null ? threads : cores));
        for (int n : lengths) {
            if (n < 2) {
                throw new BadInputException("--tokens values must be >= 2 (got " + n + ")");
            }
        }
        if (repeats < 1) {
            throw new BadInputException("--repeats must be >= 1 (got " + repeats + ")");
        }
        double bandwidth = MemoryBandwidth.measure(1L << 30, 5);
        try (LanguageModel lm = ModelSpec.parse(model).open()) {
            checkLengths(lm);
            Map<String, Object> out = new LinkedHashMap<>();
            DecoderSummary s = lm.summary();
            long weightBytes = s.weightBytes();
            long perToken = s.bytesReadPerToken();
            out.put("model", lm.name());
            out.put("family", s.family());
            out.put("params", s.parameters());
            out.put("weight_bytes", weightBytes);
            out.put("bytes_read_per_token", perToken);
            out.put("threads", Integer.getInteger("ai.djl.pytorch.num_threads", 1));
            out.put("memory_bandwidth_gbs", round(bandwidth));
            out.put("limit_tok_s", round(bandwidth * 1e9 / perToken));
            ProgressBar bar = new ProgressBar(System.err);
            warmUp(lm.model(), bar);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int n : lengths) {
                runs.add(run(lm.model(), n, bar));
            }
            bar.finish();
            out.put("runs", runs);
            print(out);
        }
        return 0;
    }

    private void checkLengths(LanguageModel lm) {
        for (int n : lengths) {
            if (n > lm.summary().context()) {
                throw new BadInputException(
                        "--tokens "
                                + n
                                + " exceeds the model's context of "
                                + lm.summary().context());
            }
        }
    }

    private Map<String, Object> run(Decoder m, int n, ProgressBar bar) {
        CacheLab lab = new CacheLab(m);
        int[] prompt = {0};
        List<Double> cachedSeconds = new ArrayList<>();
        CacheLab.Result withUncached = null;
        for (int r = 0; r < repeats; r++) {
            boolean both = r == 0 && !skipUncached;
            String label = (both ? "cached+uncached " : "cached ") + n;
            CacheLab.Result result =
                    lab.run(
                            new CacheLab.Options(prompt, n, both),
                            progress(bar, label + " (" + (r + 1) + "/" + repeats + ")", n),
                            () -> false);
            cachedSeconds.add((result.prefillMillis() + result.cachedTotalMillis()) / 1e3);
            if (both) {
                withUncached = result;
            }
        }
        double cached = median(cachedSeconds);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tokens", n);
        run.put("cached_tok_s", round(n / cached));
        run.put("cached_ms_per_token", round(cached * 1000 / n));
        run.put("rss_mb", round(ProcessMemory.rssMegabytes()));
        run.put("native_mb", round(ProcessMemory.nativeMegabytes()));
        if (withUncached != null) {
            double uncached =
                    (withUncached.prefillMillis() + withUncached.uncachedTotalMillis()) / 1e3;
            run.put("uncached_tok_s", round(n / uncached));
            // against the median cached time, like cached_tok_s: the cached steps of the
            // interleaved run each follow a full-prefix pass and run slower than on their own
            run.put("speedup", round(uncached / cached));
            run.put("max_abs_logit_diff", withUncached.maxAbsDiff());
        }
        return run;
    }

    private static CacheLab.Listener progress(ProgressBar bar, String label, int n) {
        return new CacheLab.Listener() {
            @Override
            public void decoded(CacheLab.Sample s) {
                bar.update(label, s.position() + 1, n);
            }
        };
    }

    static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int k = s.size();
        return k % 2 == 1 ? s.get(k / 2) : (s.get(k / 2 - 1) + s.get(k / 2)) / 2;
    }

    /** Resident set size from /proc (Linux), or NaN elsewhere. */
    /** Runs a short cached decode first so the JIT and libtorch warm-up do not count. */
    private static void warmUp(Decoder m, ProgressBar bar) {
        int n = Math.min(32, m.summary().context());
        new CacheLab(m)
                .run(
                        new CacheLab.Options(new int[] {0}, n, false),
                        progress(bar, "warm-up", n),
                        () -> false);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private void print(Map<String, Object> out) {
        if (json) {
            System.out.println(
                    new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(out));
        } else {
            System.out.println(
                    new GsonBuilder()
                            .setPrettyPrinting()
                            .serializeSpecialFloatingPointValues()
                            .create()
                            .toJson(out));
        }
    }
}
