package org.kamal4j.flows;

/**
 * A flow stopped for a reason the user can act on. {@link #heading()} is one line (the first line Maven prints),
 * {@link #details()} the rest (may be empty).
 */
public class FlowException extends Exception {

    private static final long serialVersionUID = 1L;

    public FlowException(String message) {
        super(message);
    }

    public FlowException(String message, Throwable cause) {
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
