package org.kamal4j.runner;

/** A {@link HostTask} without a result. */
@FunctionalInterface
public interface HostAction<H> {

    /** Runs the step for {@code item}. */
    void run(H item) throws Exception;
}
