package org.kamal4j.build;

/** An image build that cannot start or did not finish; the message says why and what to change. */
public final class BuildException extends Exception {

    private static final long serialVersionUID = 1L;

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
