package org.kamal4j;

/** A flow stopped for a reason the user can act on; the message's first line is the heading. */
public class FlowException extends KamalException {

    private static final long serialVersionUID = 1L;

    public FlowException(String message) {
        super(message);
    }

    public FlowException(String message, Throwable cause) {
        super(message, cause);
    }
}
