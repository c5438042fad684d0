package dev.samplinglab.cli;

import com.google.gson.GsonBuilder;
import dev.samplinglab.engine.BadInputException;
import dev.samplinglab.engine.generate.CacheLab;
import dev.samplinglab.engine.generate.LanguageModel;
import dev.samplinglab.engine.generate.ModelSpec;
import dev.samplinglab.engine.io.ProgressLine;
import dev.samplinglab.engine.model.DecodeProfile;
import dev.samplinglab.engine.model.DecodeThreads;
import dev.samplinglab.engine.model.Decoder;
import dev.samplinglab.engine.model.DecoderSummary;
import dev.samplinglab.engine.model.GptModel;
import dev.samplinglab.engine.model.MatVec;
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
    static final String BOUND_SOURCE =
            "memory_bandwidth_gbs: all-core streaming read in Java over 1 GiB (%s), best of 5;"
                    + " libtorch_sum_gbs: libtorch sum over the same size, for comparison";

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
                    "Threads of the Java one-row product, or libtorch's when it is off"
                            + " (default: every core, like the bandwidth bound).")
    Integer threads;

    @Option(
            names = "--torch-threads",
            description =
                    "libtorch intra-op threads (default: 1 when the Java product runs the one-row"
                            + " products, else --threads: libtorch's OpenMP team would compete with it).")
    Integer torchThreads;

    @Option(
            names = "--repeats",
            description = "Cached runs per length; the median is reported.",
            defaultValue = "3")
    int repeats;

    @Option(names = "--no-uncached", description = "Skip the uncached runs.")
    boolean skipUncached;

    @Option(
            names = "--profile",
            description =
                    "Also time every op type of a cached decode step (positions: the first --tokens value).")
    boolean profile;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads must be >= 1 (got " + threads + ")");
        }
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        int decodeThreads = threads != null ? threads : cores;
        int torch = torchThreads != null ? torchThreads : MatVec.enabled() ? 1 : decodeThreads;
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(torch));
        DecodeThreads.shared().setParallelism(decodeThreads);
        for (int n : lengths) {
            if (n < 2) {
                throw new BadInputException("--tokens values must be >= 2 (got " + n + ")");
            }
        }
        if (repeats < 1) {
            throw new BadInputException("--repeats must be >= 1 (got " + repeats + ")");
        }
        if (ModelSpec.parse(model) instanceof dev.samplinglab.engine.generate.ServerSpec) {
            throw new BadInputException(
                    "bench times the local engine's decode against memory bandwidth; a server model"
                            + " (%s) decodes on the server: use generate or the app with it"
                                    .formatted(model));
        }
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
            out.put("threads", DecodeThreads.shared().parallelism());
            out.put("torch_threads", torch);
            out.put("matvec", MatVec.kernel());
            ProgressLine bar = new ProgressLine(System.err);
            warmUp(lm.model(), bar);
            List<Map<String, Object>> runs = new ArrayList<>();
            for (int n : lengths) {
                runs.add(run(lm.model(), n, bar));
            }
            bar.finish();
            // measured after the runs so its 1 GiB buffers do not count in their memory figures
            String memory = MemoryBandwidth.javaStreamingMemory(1L << 30);
            double bandwidth = MemoryBandwidth.javaStreaming(1L << 30, 5);
            double libtorchBandwidth = MemoryBandwidth.libtorchSum(1L << 30, 5);
            out.put("memory_bandwidth_gbs", round(bandwidth));
            out.put("libtorch_sum_gbs", round(libtorchBandwidth));
            out.put("limit_tok_s", round(bandwidth * 1e9 / perToken));
            out.put("limit_from", BOUND_SOURCE.formatted(memory));
            for (Map<String, Object> run : runs) {
                double tokS = (Double) run.get("cached_tok_s");
                run.put("share_of_limit", round(tokS * perToken / (bandwidth * 1e9)));
            }
            out.put("runs", runs);
            if (profile && lm.model() instanceof GptModel gpt) {
                out.put("profile", profileRows(gpt, lengths.get(0)));
            }
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

    private Map<String, Object> run(Decoder m, int n, ProgressLine bar) {
        CacheLab lab = new CacheLab(m);
        int[] prompt = {0};
        List<Double> cachedSeconds = new ArrayList<>();
        List<Double> cpuSeconds = new ArrayList<>();
        CacheLab.Result withUncached = null;
        for (int r = 0; r < repeats; r++) {
            boolean both = r == 0 && !skipUncached;
            String label = (both ? "cached+uncached " : "cached ") + n;
            long cpu0 = ProcessMemory.cpuNanos();
            CacheLab.Result result =
                    lab.run(
                            new CacheLab.Options(prompt, n, both),
                            progress(bar, label + " (" + (r + 1) + "/" + repeats + ")", n),
                            () -> false);
            cachedSeconds.add((result.prefillMillis() + result.cachedTotalMillis()) / 1e3);
            if (both) {
                withUncached = result;
            } else {
                cpuSeconds.add((ProcessMemory.cpuNanos() - cpu0) / 1e9);
            }
        }
        double cached = median(cachedSeconds);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tokens", n);
        run.put("cached_tok_s", round(n / cached));
        run.put("cached_ms_per_token", round(cached * 1000 / n));
        if (!cpuSeconds.isEmpty()) {
            // CPU time of every thread (helpers' spin included): steadier than wall time on a
            // shared machine, where a step waits for a core
            run.put("cached_cpu_ms_per_token", round(median(cpuSeconds) * 1000 / n));
        }
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

    private static List<Map<String, Object>> profileRows(GptModel m, int tokens) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (DecodeProfile.Row r : DecodeProfile.run(m, tokens)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("op", r.op());
            row.put("calls_per_token", round(r.callsPerToken()));
            row.put("ms_per_token", Math.round(r.msPerToken() * 1000) / 1000.0);
            row.put("mb_read_per_token", round(r.bytesPerToken() / 1e6));
            row.put("gb_s", round(r.gigabytesPerSecond()));
            rows.add(row);
        }
        return rows;
    }

    private static CacheLab.Listener progress(ProgressLine bar, String label, int n) {
        return new CacheLab.Listener() {
            @Override
            public void decoded(CacheLab.Sample s) {
                bar.update(label, (s.position() + 1.0) / n);
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
    private static void warmUp(Decoder m, ProgressLine bar) {
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
