package org.kamal4j.ssh;

import org.kamal4j.commands.Command;

/**
 * An open connection to one host. Thread-safe: commands on one session may run concurrently (each on its own
 * channel), though flows normally run a host's commands one after another.
 */
public interface Session {

    /** The host as configured (for example {@code deploy@10.0.0.1:2222} or {@code 10.0.0.1}). */
    String host();

    /** Runs the command and returns its exit status and output; a non-zero exit is not an exception here. */
    ExecResult exec(Command command) throws TransportException;

    /** Writes {@code content} to {@code remotePath} (relative to the login directory) with the given mode. */
    void upload(byte[] content, String remotePath, int mode) throws TransportException;

    /** Runs the command and fails with {@link CommandFailedException} on a non-zero exit; returns stdout. */
    default String run(Command command) throws TransportException {
        ExecResult result = exec(command);
        if (result.exitStatus() != 0) {
            throw new CommandFailedException(command, result);
        }
        return result.stdout();
    }

    /** Runs the command and returns its trimmed stdout, or null when it exits non-zero (failure ignored). */
    default String tryRun(Command command) throws TransportException {
        ExecResult result = exec(command);
        return result.exitStatus() == 0 ? result.stdout().strip() : null;
    }
}
