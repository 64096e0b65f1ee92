package org.kamal4j.ssh;

import java.io.InputStream;
import java.io.OutputStream;
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

    /**
     * Writes {@code content} to {@code remotePath} (relative to the login directory) with the given mode, making its
     * parent directory if missing (callers need no {@code mkdir -p} round trip before it).
     */
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

    /**
     * Runs the command on a remote pseudo-terminal (as {@code ssh -t} does), copying {@code in} (may be null) to
     * it and its output to {@code out} as it arrives, until the command ends or the calling thread is interrupted.
     * Interrupting closes the channel, which hangs up the remote terminal and so ends the remote processes (no
     * orphaned {@code docker logs} or console). Returns the exit status, or -1 when interrupted (the interrupt
     * flag is kept).
     */
    default int attach(Command command, InputStream in, OutputStream out) throws TransportException {
        throw new TransportException("Cannot attach a terminal to " + host() + " with this transport");
    }
}
