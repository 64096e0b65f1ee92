package org.kamal4j.runner;

import java.util.HashSet;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per host in parallel on a bounded pool of named daemon threads ({@code kamal-host-1}, ...),
 * never stops early, waits for every host, then reports all failures at once as one {@link MultiHostException}.
 *
 * <p>A run uses at most min(hosts, {@code maxThreads}) threads: that many workers pull hosts in order, so 500
 * hosts need no 500 threads and the first hosts (the primary role's) always start first. Thread-safe; do not
 * call {@code run} from inside one of this runner's own tasks (it would wait on its own pool).
 */
public final class HostRunner implements AutoCloseable {

    /** The default cap on threads. */
    public static final int DEFAULT_MAX_THREADS = 64;

    private static final ThreadLocal<HostRunner> OWNER = new ThreadLocal<>();

    private final int maxThreads;
    private final ThreadPoolExecutor pool;

    /** A runner with at most {@value #DEFAULT_MAX_THREADS} threads. */
    public HostRunner() {
        this(DEFAULT_MAX_THREADS);
    }

    /** A runner with at most {@code maxThreads} threads. */
    public HostRunner(int maxThreads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
        }
        this.maxThreads = maxThreads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxThreads, maxThreads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "kamal-host-" + counter.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    public int maxThreads() {
        return maxThreads;
    }

    /** Runs {@code task} on every host; returns the results in host order. */
    public <H, R> List<R> run(List<H> hosts, Function<? super H, String> label, HostTask<? super H, ? extends R> task)
            throws MultiHostException, InterruptedException {
        return run("hosts", hosts, label, task);
    }

    /** Runs {@code action} on every host. */
    public <H> void runEach(List<H> hosts, Function<? super H, String> label, HostAction<? super H> action)
            throws MultiHostException, InterruptedException {
        run("hosts", hosts, label, h -> {
            action.run(h);
            return null;
        });
    }

    /**
     * Runs {@code task} on every item and returns the results in item order.
     *
     * @param noun  what the items are, plural, for the failure heading ({@code Failed on 2 of 5 hosts:})
     * @param label names an item in failure lines, typically {@code user@host}
     * @throws MultiHostException   after every item finished, when at least one failed
     * @throws InterruptedException when the caller was interrupted: items not yet started never start, running
     *                              ones are interrupted, and this is thrown once all of them have returned
     */
    public <H, R> List<R> run(String noun, List<H> hosts, Function<? super H, String> label,
            HostTask<? super H, ? extends R> task) throws MultiHostException, InterruptedException {
        checkArguments(hosts);
        if (hosts.isEmpty()) {
            return List.of();
        }
        RunState<H, R> state = new RunState<>(hosts, task, Math.min(hosts.size(), maxThreads));
        start(state);
        awaitAll(state);
        return state.results(noun, label);
    }

    private void checkArguments(List<?> hosts) {
        if (pool.isShutdown()) {
            throw new IllegalStateException("the host runner is closed");
        }
        if (OWNER.get() == this) {
            throw new IllegalStateException("HostRunner.run called from one of its own tasks");
        }
        if (new HashSet<>(hosts).size() != hosts.size()) {
            throw new IllegalArgumentException("duplicate hosts in " + hosts);
        }
    }

    private <H, R> void start(RunState<H, R> state) {
        for (int i = 0; i < state.running.size(); i++) {
            Runnable worker = () -> {
                OWNER.set(this);
                try {
                    state.work();
                } finally {
                    OWNER.remove();
                }
            };
            try {
                pool.execute(worker);
            } catch (RejectedExecutionException e) {
                state.running.abandon();
                throw new IllegalStateException("the host runner is closed", e);
            }
            state.queued.add(worker);
        }
    }

    private <H, R> void awaitAll(RunState<H, R> state) throws InterruptedException {
        try {
            state.running.awaitAll();
        } catch (InterruptedException e) {
            state.running.cancel();
            for (Runnable queued : state.queued) {
                if (pool.remove(queued)) {
                    state.running.abandon();
                }
            }
            state.running.awaitAllUninterruptibly();
            InterruptedException ie = new InterruptedException("interrupted; hosts not yet started were skipped");
            ie.initCause(e);
            throw ie;
        }
    }

    /** Stops the threads; running tasks are not interrupted. Idempotent. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
