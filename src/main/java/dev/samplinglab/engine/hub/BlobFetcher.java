package dev.samplinglab.engine.hub;

import dev.samplinglab.engine.hub.HubException.Kind;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches one file into {@code blobs/{etag}.incomplete}, resuming from what is there with a Range
 * request (a server that answers 200 instead of 206 starts the file again), verifies size and hash,
 * and only then renames it to {@code blobs/{etag}}. A mismatch deletes the file; a drop, a stall, a
 * cancel or a full disk keep the partial file for the next run.
 */
final class BlobFetcher {
    private final HubHttp http;
    private final RepoId repo;
    private final FileSink sink;
    private final ProgressMeter meter;
    private final Duration stallTimeout;

    BlobFetcher(
            HubHttp http, RepoId repo, FileSink sink, ProgressMeter meter, Duration stallTimeout) {
        this.http = http;
        this.repo = repo;
        this.sink = sink;
        this.meter = meter;
        this.stallTimeout = stallTimeout;
    }

    /** Leaves the verified file at {@code blob}. */
    void fetch(RemoteFile remote, Path incomplete, Path blob, CancelSignal cancel) {
        try {
            long have = Files.exists(incomplete) ? Files.size(incomplete) : 0;
            if (have > remote.size()) {
                Files.delete(incomplete);
                have = 0;
            }
            meter.setDone(remote.name(), have);
            meter.status("downloading", remote.name());
            if (have < remote.size() || !Files.exists(incomplete)) {
                transfer(remote, incomplete, have, cancel);
            }
            meter.status("verifying " + remote.name(), remote.name());
            verify(remote, incomplete, cancel);
            Files.move(
                    incomplete,
                    blob,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw WriteErrors.of(e, incomplete);
        }
    }

    private void transfer(RemoteFile remote, Path incomplete, long offset, CancelSignal cancel) {
        Transfer t = new Transfer(remote, incomplete, offset);
        CompletableFuture<HttpResponse<Long>> f = http.get(remote.location(), offset, t);
        cancel.onCancel(t::stop);
        HttpResponse<Long> r;
        try {
            r = awaitWithStallCheck(f, t, cancel);
        } catch (HubException | DownloadCancelledException e) {
            throw e;
        } catch (Throwable e) {
            if (t.failure() != null) {
                throw WriteErrors.of(t.failure(), incomplete);
            }
            throw dropped(remote, incomplete, e);
        }
        if (t.failure() != null) {
            throw WriteErrors.of(t.failure(), incomplete);
        }
        if (r.statusCode() == 206 && !t.rangeMatched()) {
            throw new HubException(
                    Kind.BAD_RESPONSE,
                    "%s: the server resumed at the wrong byte; delete %s and try again"
                            .formatted(remote.name(), incomplete));
        }
        HubHttp.failUnlessOk(r.statusCode(), r.headers(), repo, remote.commit(), remote.name());
    }

    private HttpResponse<Long> awaitWithStallCheck(
            CompletableFuture<HttpResponse<Long>> f, Transfer t, CancelSignal cancel)
            throws Throwable {
        while (true) {
            HttpResponse<Long> r = cancel.await(f, 250);
            if (r != null) {
                return r;
            }
            if (System.nanoTime() - t.lastActivity() > stallTimeout.toNanos()) {
                t.stop();
                f.cancel(true);
                throw new HubException(
                        Kind.DROPPED,
                        "no data for %d s while fetching %s; the partial file is kept, run the download again to resume"
                                .formatted(stallTimeout.toSeconds(), t.remote.name()));
            }
        }
    }

    private HubException dropped(RemoteFile remote, Path incomplete, Throwable e) {
        HubException mapped = HubHttp.networkError(e, remote.location(), remote.name());
        if (mapped.kind() != Kind.DROPPED) {
            return mapped;
        }
        long have = sizeOf(incomplete);
        return new HubException(
                Kind.DROPPED,
                "the connection dropped after %s of %s of %s; the partial file is kept, run the download again to resume"
                        .formatted(Sizes.bytes(have), Sizes.bytes(remote.size()), remote.name()),
                e);
    }

    private void verify(RemoteFile remote, Path file, CancelSignal cancel) throws IOException {
        long size = Files.size(file);
        if (size < remote.size()) {
            throw new HubException(
                    Kind.DROPPED,
                    "the server sent %s of %s of %s; the partial file is kept, run the download again to resume"
                            .formatted(
                                    Sizes.bytes(size), Sizes.bytes(remote.size()), remote.name()));
        }
        String problem =
                size > remote.size()
                        ? "size mismatch (expected %d bytes, got %d)".formatted(remote.size(), size)
                        : BlobVerifier.mismatch(file, remote, cancel).orElse(null);
        if (problem != null) {
            Files.deleteIfExists(file);
            meter.setDone(remote.name(), 0);
            throw new HubException(
                    Kind.VERIFY_FAILED,
                    "%s failed verification: %s; the download was deleted, run it again"
                            .formatted(remote.name(), problem));
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The body handler of one GET: decides resume or restart from the status, then writes. */
    private final class Transfer implements HttpResponse.BodyHandler<Long> {
        private final RemoteFile remote;
        private final Path incomplete;
        private final long offset;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean stopped;
        private volatile boolean rangeMatched;
        private volatile IOException openError;
        private volatile FileBodySubscriber subscriber;

        Transfer(RemoteFile remote, Path incomplete, long offset) {
            this.remote = remote;
            this.incomplete = incomplete;
            this.offset = offset;
        }

        @Override
        public HttpResponse.BodySubscriber<Long> apply(HttpResponse.ResponseInfo info) {
            lastActivity = System.nanoTime();
            int status = info.statusCode();
            boolean resume = status == 206 && offset > 0 && rangeStart(info) == offset;
            rangeMatched = resume;
            if ((status != 200 && !resume) || stopped) {
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            if (!resume) {
                meter.setDone(remote.name(), 0);
            }
            WritableByteChannel out;
            try {
                out = sink.open(incomplete, resume);
            } catch (IOException e) {
                openError = e;
                return HttpResponse.BodySubscribers.replacing(-1L);
            }
            FileBodySubscriber s =
                    new FileBodySubscriber(
                            out,
                            n -> {
                                lastActivity = System.nanoTime();
                                meter.received(remote.name(), n);
                            });
            subscriber = s;
            if (stopped) {
                s.stop();
            }
            return s;
        }

        private long rangeStart(HttpResponse.ResponseInfo info) {
            return info.headers()
                    .firstValue("Content-Range")
                    .map(v -> v.replaceFirst("^bytes\\s+", ""))
                    .map(v -> v.split("-", 2)[0].strip())
                    .filter(v -> v.matches("\\d+"))
                    .map(Long::parseLong)
                    .orElse(-1L);
        }

        long lastActivity() {
            return lastActivity;
        }

        boolean rangeMatched() {
            return rangeMatched;
        }

        IOException failure() {
            FileBodySubscriber s = subscriber;
            return openError != null ? openError : s == null ? null : s.writeError();
        }

        void stop() {
            stopped = true;
            FileBodySubscriber s = subscriber;
            if (s != null) {
                s.stop();
            }
        }
    }
}
