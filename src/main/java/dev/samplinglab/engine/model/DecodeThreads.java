package dev.samplinglab.engine.model;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

/**
 * The threads that share one decode step's matrix-vector products (inter-op parallelism outside
 * libtorch, whose one-row product runs on one core). The calling thread works too; the other
 * threads spin briefly between jobs, like an OpenMP team under {@code OMP_WAIT_POLICY=active}, so a
 * step's 49+ products do not each pay a thread wake-up, then park. One job runs at a time: a second
 * caller that finds the team busy runs its job alone on its own core.
 */
public final class DecodeThreads {
    private static final long SPIN_NANOS = 500_000;
    private static final DecodeThreads SHARED = fromProperty();

    private final Thread[] helpers;
    private final boolean fixed;
    private final ReentrantLock owner = new ReentrantLock();
    private volatile int parallelism;
    private volatile Job current;
    private volatile long generation;

    private DecodeThreads(int maxThreads, boolean fixed) {
        this.helpers = new Thread[Math.max(0, maxThreads - 1)];
        this.parallelism = maxThreads;
        this.fixed = fixed;
    }

    /** Every core, or {@code -Dsamplinglab.decode.threads=N} threads (then {@link #isFixed()}). */
    private static DecodeThreads fromProperty() {
        Integer n = Integer.getInteger("samplinglab.decode.threads");
        int cores = java.lang.Runtime.getRuntime().availableProcessors();
        return n == null
                ? new DecodeThreads(cores, false)
                : new DecodeThreads(Math.max(1, n), true);
    }

    /** True when the thread count was fixed on the command line: policies leave it alone. */
    public boolean isFixed() {
        return fixed;
    }

    /** The process-wide team, sized to the machine's cores. */
    public static DecodeThreads shared() {
        return SHARED;
    }

    /** Most threads a job may use: the cores of the machine. */
    public int maxThreads() {
        return helpers.length + 1;
    }

    /** Threads a job uses now (1 = the caller alone). */
    public int parallelism() {
        return parallelism;
    }

    /**
     * Sets how many threads a job uses, clamped to 1..{@link #maxThreads()}: the app lowers it
     * while the UI animates so a core stays free for drawing.
     */
    public void setParallelism(int threads) {
        parallelism = Math.max(1, Math.min(threads, maxThreads()));
    }

    /** Runs {@code task.accept(i)} for every i in [0, tasks), spread over the team. */
    public void run(int tasks, IntConsumer task) {
        int threads = Math.min(parallelism, tasks);
        if (threads <= 1 || !owner.tryLock()) {
            for (int i = 0; i < tasks; i++) {
                task.accept(i);
            }
            return;
        }
        try {
            Job job = new Job(tasks, task, threads - 1);
            startHelpers(threads - 1);
            current = job;
            generation++;
            for (int h = 0; h < threads - 1; h++) {
                LockSupport.unpark(helpers[h]);
            }
            job.work();
            job.awaitDone();
        } finally {
            owner.unlock();
        }
    }

    private synchronized void startHelpers(int n) {
        for (int h = 0; h < n; h++) {
            if (helpers[h] == null) {
                Thread t = new Thread(() -> helperLoop(), "decode-helper-" + (h + 1));
                t.setDaemon(true);
                helpers[h] = t;
                t.start();
            }
        }
    }

    private void helperLoop() {
        long seen = generation;
        while (true) {
            long deadline = System.nanoTime() + SPIN_NANOS;
            long g;
            while ((g = generation) == seen) {
                if (System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            seen = g;
            Job job = current;
            if (job != null) {
                job.help();
            }
        }
    }

    /** One parallel loop: tasks are claimed one at a time, so a busy core simply claims fewer. */
    private static final class Job {
        private final int tasks;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger helpersLeft;
        private volatile Throwable failure;

        Job(int tasks, IntConsumer task, int helpers) {
            this.tasks = tasks;
            this.task = task;
            this.helpersLeft = new AtomicInteger(helpers);
        }

        void help() {
            if (helpersLeft.getAndDecrement() > 0) {
                work();
            }
        }

        void work() {
            int i;
            while ((i = next.getAndIncrement()) < tasks) {
                try {
                    task.accept(i);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            int spins = 0;
            while (done.get() < tasks) {
                if (++spins < 10_000) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield(); // a helper holding a task was descheduled
                }
            }
            Throwable e = failure;
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error err) {
                throw err;
            }
        }
    }
}
