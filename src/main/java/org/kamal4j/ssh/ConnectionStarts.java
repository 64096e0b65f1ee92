package org.kamal4j.ssh;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds how many connections are being established at once ({@code sshkit.max_concurrent_starts}). A permit
 * is held only while connecting (TCP, handshake, auth, DNS retries), never while commands run.
 */
public final class ConnectionStarts {

    /** Work done while holding a permit. */
    @FunctionalInterface
    public interface Start<T> {
        T run() throws TransportException;
    }

    private final Semaphore permits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    public ConnectionStarts(int maxConcurrentStarts) {
        if (maxConcurrentStarts < 1) {
            throw new IllegalArgumentException("sshkit.max_concurrent_starts must be at least 1");
        }
        this.permits = new Semaphore(maxConcurrentStarts, true);
    }

    /** Runs {@code start} holding one permit. */
    public <T> T start(Start<T> start) throws TransportException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting to connect", e);
        }
        try {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return start.run();
        } finally {
            inFlight.decrementAndGet();
            permits.release();
        }
    }

    /** The most connection starts ever in flight at once (for tests and diagnostics). */
    public int maxInFlight() {
        return maxInFlight.get();
    }
}
