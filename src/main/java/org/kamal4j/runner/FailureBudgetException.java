package org.kamal4j.runner;

import java.util.List;

/**
 * A boot with a failure budget ({@link FailureBudget}) that had failed hosts: either the budget was spent and the
 * boot stopped ({@link #stopped()}), or it went to its end past the tolerated failures. Either way the goal fails
 * and every failed host is listed with its cause.
 */
public final class FailureBudgetException extends MultiHostException {

    private static final long serialVersionUID = 1L;

    private final boolean stopped;

    FailureBudgetException(boolean stopped, String heading, List<Failure> failures) {
        super(heading, failures);
        this.stopped = stopped;
    }

    /** True when the budget was spent and the boot stopped; false when it went to its end within the budget. */
    public boolean stopped() {
        return stopped;
    }
}
