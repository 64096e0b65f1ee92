package org.kamal4j.runner;

import java.util.List;
import org.kamal4j.KamalException;

/**
 * One or more hosts failed in a parallel step. With several failures the message is a heading with the count
 * ({@code Failed on 2 of 5 hosts:}) followed by one indented line per failed host, in host order, and every
 * cause is kept as a suppressed exception. With exactly one failure the message is just that failure
 * ({@code root@1.1.1.1: <cause message>}) and the cause is its {@link #getCause() cause}.
 */
public class MultiHostException extends KamalException {

    private static final long serialVersionUID = 1L;

    /** One failed host (or host and role): its label and what it threw. */
    public record Failure(String label, Throwable cause) {

        /** The cause's message, or its class name when it has none. */
        public String message() {
            String m = cause.getMessage();
            return m == null || m.isBlank() ? cause.getClass().getName() : m.strip();
        }
    }

    private final transient List<Failure> failures;

    /**
     * @param noun  what the {@code total} counts, plural ({@code hosts}, {@code host roles})
     * @param total how many hosts the step ran on
     */
    public MultiHostException(String noun, int total, List<Failure> failures) {
        super(message(noun, total, failures), failures.size() == 1 ? failures.get(0).cause() : null);
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no failures");
        }
        this.failures = List.copyOf(failures);
        if (failures.size() > 1) {
            failures.forEach(f -> addSuppressed(f.cause()));
        }
    }

    /**
     * A failure with its own heading (a rollout policy's verdict) over one indented line per failure.
     *
     * @param heading the first line, without the colon
     */
    protected MultiHostException(String heading, List<Failure> failures) {
        super(headed(heading, failures), failures.size() == 1 ? failures.get(0).cause() : null);
        if (failures.isEmpty()) {
            throw new IllegalArgumentException("no failures");
        }
        this.failures = List.copyOf(failures);
        if (failures.size() > 1) {
            failures.forEach(f -> addSuppressed(f.cause()));
        }
    }

    /** The failures in host order. */
    public List<Failure> failures() {
        return failures;
    }

    private static String message(String noun, int total, List<Failure> failures) {
        if (failures.size() == 1) {
            return line(failures.get(0), "  ");
        }
        return headed("Failed on " + failures.size() + " of " + total + " " + noun, failures);
    }

    private static String headed(String heading, List<Failure> failures) {
        StringBuilder sb = new StringBuilder(heading + ":");
        for (Failure f : failures) {
            sb.append("\n  ").append(line(f, "    "));
        }
        return sb.toString();
    }

    private static String line(Failure f, String continuationIndent) {
        return f.label() + ": " + f.message().replace("\n", "\n" + continuationIndent);
    }
}
