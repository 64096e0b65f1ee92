package org.kamal4j.runner;

import java.time.Duration;

/** Pauses the calling thread; injected so tests record pauses instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps for real with {@link Thread#sleep(long)}. */
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    /** Pauses for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
