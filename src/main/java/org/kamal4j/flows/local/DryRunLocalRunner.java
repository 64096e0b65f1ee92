package org.kamal4j.flows.local;

import java.util.Map;
import org.kamal4j.commands.Command;
import org.kamal4j.ssh.ExecResult;

/** Prints local commands as {@code [local] <command>} instead of running them; every one succeeds. */
public final class DryRunLocalRunner implements LocalRunner {

    private final Output output;

    public DryRunLocalRunner(Output output) {
        this.output = output;
    }

    @Override
    public ExecResult run(Command command, Map<String, String> extraEnv) {
        output.info("[local] " + command.display());
        return new ExecResult(0, "", "");
    }
}
