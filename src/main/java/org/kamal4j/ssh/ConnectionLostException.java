package org.kamal4j.ssh;

/**
 * The connection to a host went away while a command was sent or ran: nothing more can be asked of that host in
 * this run, so a flow does not try to fetch its logs or clean up on it.
 */
public class ConnectionLostException extends TransportException {

    public ConnectionLostException(String message) {
        super(message);
    }

    public ConnectionLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
