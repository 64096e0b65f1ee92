package org.kamal4j.runner;

/**
 * A role was not booted on a host because the primary role failed first (the barrier closed) or no primary-role
 * container became ready in time (the barrier wait timed out). Nothing was started for that role on that host.
 */
public class HaltedAtBarrierException extends Exception {

    private static final long serialVersionUID = 1L;

    public HaltedAtBarrierException(String message, Throwable cause) {
        super(message, cause);
    }
}
