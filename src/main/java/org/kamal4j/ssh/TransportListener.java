package org.kamal4j.ssh;

import java.time.Duration;

/**
 * Told what a transport does, so the Maven layer can print per-host lines and count round trips per host.
 * Called from many threads at once; implementations must be thread-safe. Every method defaults to nothing.
 */
public interface TransportListener {

    TransportListener NONE = new TransportListener() {};

    /** A new connection to {@code host} is about to be established. */
    default void connectStarted(String host, String lane) {}

    /** The connection attempt ended; {@code failure} is null on success. */
    default void connectFinished(String host, String lane, Duration took, Throwable failure) {}

    /** A command ran; {@code display} is the redacted command line, {@code exitStatus} -1 if it did not finish. */
    default void commandRun(String host, String display, Duration took, int exitStatus) {}

    /** A warning for the user (for example a DNS retry). */
    default void warning(String message) {}
}
