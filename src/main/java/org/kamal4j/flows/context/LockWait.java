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

    public LockWait {
        if (timeout < 0 || interval < 1) {
            throw new IllegalArgumentException("kamal.lockWaitTimeout must be >= 0 and kamal.lockWaitInterval >= 1");
        }
    }
}
