package dev.samplinglab.engine.hub;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer per blob: an in-process lock plus a file lock on {@code .locks/.../{etag}.lock}, the
 * file {@code huggingface_hub} locks too, so two downloads of the same file (in this app or with
 * Python tools) take turns instead of writing the same partial file. Waiting can be cancelled.
 */
final class BlobLocks {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
            new ConcurrentHashMap<>();

    private BlobLocks() {}

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    static Held acquire(Path lockFile, CancelSignal cancel) throws IOException {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = IN_PROCESS.computeIfAbsent(key, k -> new ReentrantLock());
        lockCancellably(local, cancel);
        try {
            Files.createDirectories(key.getParent());
            FileChannel ch =
                    FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = fileLock(ch, cancel);
            return () -> {
                try {
                    lock.release();
                    ch.close();
                } catch (IOException ignored) {
                    // the lock goes with the channel
                } finally {
                    local.unlock();
                }
            };
        } catch (IOException | RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    private static void lockCancellably(ReentrantLock lock, CancelSignal cancel) {
        try {
            while (!lock.tryLock(50, TimeUnit.MILLISECONDS)) {
                cancel.check();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadCancelledException("download interrupted");
        }
    }

    private static FileLock fileLock(FileChannel ch, CancelSignal cancel) throws IOException {
        while (true) {
            FileLock l = ch.tryLock();
            if (l != null) {
                return l;
            }
            try {
                cancel.check();
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ch.close();
                throw new DownloadCancelledException("download interrupted");
            } catch (DownloadCancelledException e) {
                ch.close();
                throw e;
            }
        }
    }
}
