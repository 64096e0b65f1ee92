package org.kamal4j.config;

/**
 * The deploy's waits, in seconds, Kamal's defaults applied (the constants below are the one place they live).
 *
 * @param readinessDelay {@code readiness_delay}: how long a role without a health check must stay up
 * @param deploy         {@code deploy_timeout}: how long a new container may take to become healthy
 * @param drain          {@code drain_timeout}: how long kamal-proxy drains, and the old container's stop time
 * @param stop           root {@code stop_timeout}, null when unset; each {@link Role#stopTimeout()} is resolved
 */
public record Timeouts(int readinessDelay, int deploy, int drain, Integer stop) {

    public static final int DEFAULT_READINESS_DELAY = 7;
    public static final int DEFAULT_DEPLOY = 30;
    public static final int DEFAULT_DRAIN = 30;
}
