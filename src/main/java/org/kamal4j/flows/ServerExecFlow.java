package org.kamal4j.flows;

import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;

/** {@code kamal:server-exec}: runs a shell command on every selected host, output under each host name. */
public final class ServerExecFlow {

    private final FlowContext ctx;

    public ServerExecFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Runs {@code shellCommand} as written (it is the user's own shell text) on every selected host. */
    public void run(String shellCommand) throws FlowException, MultiHostException, InterruptedException {
        if (shellCommand == null || shellCommand.isBlank()) {
            throw new FlowException("No command provided; pass it with -Dkamal.command=\"...\"");
        }
        List<String> hosts = ctx.selection().hosts();
        ctx.output().info("Running '" + shellCommand + "' on " + String.join(", ", hosts) + "...");
        Command command = Command.verbatim(shellCommand);
        ctx.on(hosts, (host, s) -> {
            s.run(ctx.audit(ctx.config()).record("Executed cmd '" + shellCommand + "' on " + host, null));
            String out = s.run(command);
            ctx.output().info(host, "App Host: " + host);
            ctx.output().lines(host, out);
        });
    }
}
