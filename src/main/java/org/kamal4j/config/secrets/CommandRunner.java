package org.kamal4j.config.secrets;

/** Runs the command of a {@code $(...)} substitution; a seam so tests need no real shell. */
@FunctionalInterface
interface CommandRunner {

    /**
     * Runs {@code command} and returns its standard output.
     *
     * @throws LocalCommandFailedException when it cannot start or exits non-zero
     */
    String run(String command);

    /** A command that did not succeed; the message never contains the command's output. */
    final class LocalCommandFailedException extends RuntimeException {
        LocalCommandFailedException(String message) {
            super(message);
        }
    }
}
