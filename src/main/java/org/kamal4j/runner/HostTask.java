package org.kamal4j.runner;

/** The work one host (or one host and role) does in a parallel step; it may fail with any exception. */
@FunctionalInterface
public interface HostTask<H, R> {

    /** Runs the step for {@code item} and returns its result. */
    R run(H item) throws Exception;
}
