package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.hub.HubException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Downloads what the app needs of a model repository into the Hugging Face cache, in the layout
 * {@code huggingface_hub} writes (https://huggingface.co/docs/huggingface_hub/guides/manage-cache),
 * so Python tools and this app share the files both ways: {@code config.json}, {@code
 * generation_config.json}, {@code tokenizer.json}, {@code tokenizer_config.json} and the
 * safetensors weights (one file, or the index and its shards).
 *
 * <p>Order of writes: every blob is fetched and verified first, then the snapshot's links appear,
 * then {@code refs/{revision}}; a download that stops half-way never leaves a snapshot that looks
 * complete.
 */
public final class HubDownloader {
    static final List<String> OPTIONAL = List.of("generation_config.json", "tokenizer_config.json");

    private final HubEnvironment env;
    private FileSink sink = FileSink.FILES;
    private DiskSpace disk = DiskSpace.SYSTEM;
    private int retries = 2;
    private Duration stallTimeout = Duration.ofSeconds(60);

    public HubDownloader(HubEnvironment env) {
        this.env = env;
    }

    /** Where bytes are written (tests simulate a full disk here). */
    public HubDownloader sink(FileSink sink) {
        this.sink = sink;
        return this;
    }

    public HubDownloader diskSpace(DiskSpace disk) {
        this.disk = disk;
        return this;
    }

    /** How often a dropped connection is resumed automatically before giving up. */
    public HubDownloader retries(int retries) {
        this.retries = retries;
        return this;
    }

    /** How long without a byte counts as a dropped connection. */
    public HubDownloader stallTimeout(Duration timeout) {
        this.stallTimeout = timeout;
        return this;
    }

    /**
     * Downloads {@code repo} at {@code revision} (a branch, tag or commit).
     *
     * @throws HubException with a one-line message for every failure the user can act on
     * @throws DownloadCancelledException when {@code cancel} fires; partial files stay for a resume
     */
    public DownloadResult download(
            RepoId repo,
            String revision,
            Consumer<DownloadProgress> listener,
            CancelSignal cancel) {
        if (env.offline()) {
            throw new HubException(
                    Kind.OFFLINE,
                    "HF_HUB_OFFLINE is set: downloads are switched off (unset it to download %s)"
                            .formatted(repo));
        }
        HubCache cache = env.cache();
        ProgressMeter meter = new ProgressMeter(repo, listener);
        Run run = new Run(repo, cache, new HubHttp(env), meter, cancel);
        List<RemoteFile> files = run.plan(revision);
        run.checkSpace(files);
        for (RemoteFile f : files) {
            run.fetch(f);
        }
        run.publish(revision, files);
        meter.status("done", "");
        String commit = files.get(0).commit();
        return new DownloadResult(
                repo,
                revision,
                commit,
                cache.snapshot(repo, commit),
                files.stream().map(RemoteFile::name).toList(),
                meter.networkBytes());
    }

    /** One download's state. */
    private final class Run {
        private final RepoId repo;
        private final HubCache cache;
        private final HubHttp http;
        private final ProgressMeter meter;
        private final CancelSignal cancel;
        private final BlobFetcher fetcher;
        private final List<String> missing = new ArrayList<>();

        Run(RepoId repo, HubCache cache, HubHttp http, ProgressMeter meter, CancelSignal cancel) {
            this.repo = repo;
            this.cache = cache;
            this.http = http;
            this.meter = meter;
            this.cancel = cancel;
            this.fetcher = new BlobFetcher(http, repo, sink, meter, stallTimeout);
        }

        List<RemoteFile> plan(String revision) {
            meter.status("checking files", "");
            RemoteFile config =
                    head(revision, SnapshotInspector.CONFIG)
                            .orElseThrow(
                                    () ->
                                            new HubException(
                                                    Kind.NOT_SUPPORTED,
                                                    "%s has no config.json: not a model this app runs"
                                                            .formatted(repo)));
            String commit = config.commit();
            List<RemoteFile> files = new ArrayList<>(List.of(config));
            for (String name : OPTIONAL) {
                head(commit, name).ifPresentOrElse(files::add, () -> missing.add(name));
            }
            files.add(
                    head(commit, SnapshotInspector.TOKENIZER)
                            .orElseThrow(
                                    () ->
                                            new HubException(
                                                    Kind.NOT_SUPPORTED,
                                                    "%s has no tokenizer.json, which the app needs"
                                                            .formatted(repo))));
            files.addAll(weights(commit));
            return files;
        }

        private List<RemoteFile> weights(String commit) {
            Optional<RemoteFile> single = head(commit, SnapshotInspector.SINGLE);
            if (single.isPresent()) {
                return List.of(single.get());
            }
            missing.add(SnapshotInspector.SINGLE);
            RemoteFile index =
                    head(commit, SnapshotInspector.INDEX)
                            .orElseThrow(
                                    () ->
                                            new HubException(
                                                    Kind.NOT_SUPPORTED,
                                                    "%s has no model.safetensors (nor an index of shards); the app reads safetensors only"
                                                            .formatted(repo)));
            fetch(index);
            List<String> shards =
                    SnapshotInspector.shardsOf(cache.blob(repo, index.etag()))
                            .orElseThrow(
                                    () ->
                                            new HubException(
                                                    Kind.BAD_RESPONSE,
                                                    "%s: model.safetensors.index.json has no usable weight_map"
                                                            .formatted(repo)));
            List<RemoteFile> out = new ArrayList<>(List.of(index));
            for (String shard : shards) {
                out.add(
                        head(commit, shard)
                                .orElseThrow(
                                        () ->
                                                new HubException(
                                                        Kind.NOT_FOUND,
                                                        "%s: the index names %s, which is missing"
                                                                .formatted(repo, shard))));
            }
            return out;
        }

        private Optional<RemoteFile> head(String revision, String name) {
            Optional<RemoteFile> f = http.head(repo, revision, name, cancel);
            f.ifPresent(r -> meter.addFile(r.name(), r.size()));
            return f;
        }

        void checkSpace(List<RemoteFile> files) {
            Path blobs = cache.blobsDir(repo);
            long needed = 0;
            try {
                Files.createDirectories(blobs);
                for (RemoteFile f : files) {
                    long have = onDisk(f);
                    meter.setDone(f.name(), have);
                    needed += f.size() - have;
                }
                long free = disk.usable(blobs);
                if (needed > free) {
                    throw new HubException(
                            Kind.DISK_FULL,
                            "not enough disk space in %s: %s needed, %s free"
                                    .formatted(
                                            cache.root(), Sizes.bytes(needed), Sizes.bytes(free)));
                }
            } catch (IOException e) {
                throw WriteErrors.of(e, blobs);
            }
        }

        private long onDisk(RemoteFile f) throws IOException {
            Path blob = cache.blob(repo, f.etag());
            if (Files.isRegularFile(blob) && Files.size(blob) == f.size()) {
                return f.size();
            }
            Path partial = cache.incompleteBlob(repo, f.etag());
            return Files.isRegularFile(partial) ? Math.min(Files.size(partial), f.size()) : 0;
        }

        void fetch(RemoteFile f) {
            cancel.check();
            Path blob = cache.blob(repo, f.etag());
            try {
                Files.createDirectories(blob.getParent());
            } catch (IOException e) {
                throw WriteErrors.of(e, blob);
            }
            try (BlobLocks.Held lock = BlobLocks.acquire(cache.lock(repo, f.etag()), cancel)) {
                if (Files.isRegularFile(blob) && Files.size(blob) == f.size()) {
                    meter.setDone(f.name(), f.size());
                    return;
                }
                for (int attempt = 0; ; attempt++) {
                    try {
                        fetcher.fetch(f, cache.incompleteBlob(repo, f.etag()), blob, cancel);
                        return;
                    } catch (HubException e) {
                        if (e.kind() != Kind.DROPPED || attempt >= retries) {
                            throw e;
                        }
                        meter.status("connection dropped, resuming " + f.name(), f.name());
                    }
                }
            } catch (IOException e) {
                throw WriteErrors.of(e, blob);
            }
        }

        void publish(String revision, List<RemoteFile> files) {
            cancel.check();
            String commit = files.get(0).commit();
            SnapshotWriter writer = new SnapshotWriter(cache, repo);
            try {
                for (RemoteFile f : files) {
                    writer.link(commit, f.name(), f.etag());
                }
                for (String name : missing) {
                    writer.markMissing(commit, name);
                }
                writer.writeRef(revision, commit);
            } catch (IOException e) {
                throw WriteErrors.of(e, cache.snapshot(repo, commit));
            }
        }
    }
}
