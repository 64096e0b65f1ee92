package org.kamal4j.flows.context;

/**
 * Whether and how long a goal waits for an automatic deploy lock held by another deploy instead of failing at once
 * (Kamal's {@code --lock-wait}, {@code --lock-wait-timeout}, {@code --lock-wait-interval}).
 *
 * @param enabled  wait at all ({@code -Dkamal.lockWait})
 * @param timeout  seconds to wait at most ({@code -Dkamal.lockWaitTimeout}, default {@value #DEFAULT_TIMEOUT})
 * @param interval seconds between two attempts ({@code -Dkamal.lockWaitInterval}, default {@value #DEFAULT_INTERVAL})
 */
public record LockWait(boolean enabled, int timeout, int interval) {

    public static final int DEFAULT_TIMEOUT = 900;
    public static final int DEFAULT_INTERVAL = 15;

    /** Kamal's default: a held lock fails the goal at once. */
    public static final LockWait NONE = new LockWait(false, DEFAULT_TIMEOUT, DEFAULT_INTERVAL);

    /** A negative timeout counts as 0 (one attempt) and an interval below 1 s as 1 s, so the wait never spins. */
    public LockWait {
        timeout = Math.max(0, timeout);
        interval = Math.max(1, interval);
    }
}
