package org.kamal4j.flows.local;

/**
 * Where flows print: plain lines and per-host lines ({@code [host] message}). Implementations must be
 * thread-safe, since hosts report from many threads at once.
 */
public interface Output {

    /** How much a line matters; each implementation maps it to its own levels. */
    enum Level { INFO, WARN, ERROR, DEBUG }

    /** The one method an implementation writes: print {@code message} at {@code level}. */
    void line(Level level, String message);

    default void info(String message) {
        line(Level.INFO, message);
    }

    default void warn(String message) {
        line(Level.WARN, message);
    }

    default void error(String message) {
        line(Level.ERROR, message);
    }

    default void debug(String message) {
        line(Level.DEBUG, message);
    }

    /** A line about one host, prefixed {@code [host]}. */
    default void info(String host, String message) {
        info("[" + host + "] " + message);
    }

    /** A warning about one host, prefixed {@code [host]}. */
    default void warn(String host, String message) {
        warn("[" + host + "] " + message);
    }

    /** An error about one host, prefixed {@code [host]}. */
    default void error(String host, String message) {
        error("[" + host + "] " + message);
    }

    /** Every line of {@code text} under {@code host}. */
    default void lines(String host, String text) {
        text.lines().forEach(l -> info(host, l));
    }
}
