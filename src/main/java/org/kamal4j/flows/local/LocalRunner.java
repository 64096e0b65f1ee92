package org.kamal4j.flows.local;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;

/** Runs commands on the deploying machine (docker build and push, hooks), in the project directory. */
public interface LocalRunner {

    /**
     * Runs {@code command} through {@code sh -c} with the current environment plus {@code extraEnv}; stdout and
     * stderr are merged into the result's stdout.
     */
    ExecResult run(Command command, Map<String, String> extraEnv) throws FlowException, InterruptedException;
}
