package org.kamal4j.ssh;

import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;

/**
 * Retries a connection start that failed on name resolution ({@code sshkit.dns_retries}), sleeping
 * {@code min(0.1 * 2^(k-1), 2.0) + random(0..0.1)} seconds before retry k and warning each time.
 */
public final class DnsRetry {

    /** Sleeps; injectable so tests need not wait. */
    @FunctionalInterface
    public interface Backoff {
        void sleep(long millis) throws InterruptedException;
    }

    private static final List<String> DNS_MESSAGES = List.of("getaddrinfo", "temporary failure in name resolution",
            "name or service not known", "nodename nor servname provided", "no address associated",
            "failed to look up", "resolve");

    private final int retries;
    private final Backoff sleeper;
    private final DoubleSupplier jitter;
    private final Consumer<String> warnings;

    /** {@code jitter} returns values in [0, 1); it is scaled to 0..0.1 s. */
    public DnsRetry(int retries, Backoff sleeper, DoubleSupplier jitter, Consumer<String> warnings) {
        this.retries = Math.max(0, retries);
        this.sleeper = sleeper;
        this.jitter = jitter;
        this.warnings = warnings;
    }

    /** Runs {@code start}, retrying DNS-type failures. */
    public <T> T run(String host, ConnectionStarts.Start<T> start) throws TransportException {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.run();
            } catch (TransportException e) {
                if (attempt > retries || !isDnsError(e)) {
                    throw e;
                }
                pause(host, attempt, e);
            }
        }
    }

    private void pause(String host, int attempt, Exception e) throws TransportException {
        double seconds = delaySeconds(attempt);
        warnings.accept(String.format(Locale.ROOT, "Retrying DNS for %s (attempt %d/%d) in %.2fs: %s",
                host, attempt, retries, seconds, rootMessage(e)));
        try {
            sleeper.sleep(Math.round(seconds * 1000));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while retrying DNS for " + host, ie);
        }
    }

    /** The delay before retry {@code attempt} (1-based), in seconds. */
    double delaySeconds(int attempt) {
        return Math.min(0.1 * Math.pow(2, attempt - 1), 2.0) + jitter.getAsDouble() * 0.1;
    }

    /** True when {@code t} or one of its causes is a name-resolution failure. */
    public static boolean isDnsError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof UnknownHostException) {
                return true;
            }
            String m = c.getMessage() == null ? "" : c.getMessage().toLowerCase(Locale.ROOT);
            if (DNS_MESSAGES.stream().anyMatch(m::contains)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c instanceof UnknownHostException ? "Unknown host " + c.getMessage() : String.valueOf(c.getMessage());
    }
}
