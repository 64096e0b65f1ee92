package org.kamal4j;

/**
 * A failure the user can act on, reported as Maven reports it: {@link #heading()} is one line (the short message),
 * {@link #details()} the rest (may be empty). Invalid configuration, failed hosts and stopped flows all extend it,
 * so the Maven layer turns every one of them into a failure the same way.
 */
public abstract class KamalException extends Exception {

    private static final long serialVersionUID = 1L;

    protected KamalException(String message) {
        super(message);
    }

    protected KamalException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The first line of the message. */
    public String heading() {
        return getMessage().split("\n", 2)[0];
    }

    /** Every line after the first, or an empty string. */
    public String details() {
        String[] parts = getMessage().split("\n", 2);
        return parts.length > 1 ? parts[1] : "";
    }
}
