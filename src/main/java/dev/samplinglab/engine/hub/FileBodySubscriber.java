package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Writes a response body to a channel as it arrives, one buffer list at a time. {@link #stop}
 * cancels the subscription and guarantees no write happens after it returns, so a cancelled
 * download leaves a partial file that is a clean prefix.
 */
final class FileBodySubscriber implements HttpResponse.BodySubscriber<Long> {
    private final WritableByteChannel out;
    private final LongConsumer onBytes;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private Flow.Subscription subscription;
    private boolean stopped;
    private long written;
    private volatile IOException writeError;

    FileBodySubscriber(WritableByteChannel out, LongConsumer onBytes) {
        this.out = out;
        this.onBytes = onBytes;
    }

    @Override
    public CompletionStage<Long> getBody() {
        return result;
    }

    @Override
    public synchronized void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (stopped) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        synchronized (this) {
            if (stopped) {
                return;
            }
            try {
                long n = 0;
                for (ByteBuffer b : buffers) {
                    while (b.hasRemaining()) {
                        n += out.write(b);
                    }
                }
                written += n;
                onBytes.accept(n);
            } catch (IOException e) {
                writeError = e;
                stopQuietly();
                result.completeExceptionally(e);
                return;
            } catch (RuntimeException e) {
                stopQuietly();
                result.completeExceptionally(e);
                return;
            }
            subscription.request(1);
        }
    }

    @Override
    public void onError(Throwable t) {
        synchronized (this) {
            stopQuietly();
        }
        result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
        long n;
        synchronized (this) {
            n = written;
            stopQuietly();
        }
        result.complete(n);
    }

    /** The error writing to the channel (a full disk), if that is what ended the transfer. */
    IOException writeError() {
        return writeError;
    }

    /** Cancels the transfer and closes the channel; no write follows. */
    synchronized void stop() {
        stopQuietly();
    }

    private void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (subscription != null) {
            subscription.cancel();
        }
        try {
            out.close();
        } catch (IOException ignored) {
            // the partial file keeps what was written
        }
    }
}
