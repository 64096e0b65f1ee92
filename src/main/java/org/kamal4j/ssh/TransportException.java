package org.kamal4j.ssh;

/** A host could not be reached or a command could not be run on it (not a non-zero exit). */
public class TransportException extends Exception {

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
