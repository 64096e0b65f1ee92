package org.kamal4j.flows;

import org.kamal4j.commands.Command;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;

/** {@code kamal:audit} (read-only): the last 50 lines of the audit log on every selected host, per host. */
public final class AuditFlow {

    private final FlowContext ctx;

    public AuditFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** As Kamal, a host without an audit log (never deployed to) fails the goal naming that host. */
    public void run() throws MultiHostException, InterruptedException {
        Command tail = ctx.audit(ctx.config()).tail();
        ctx.on(ctx.selection().hosts(), (host, s) -> {
            String out = s.run(tail);
            ctx.output().info(host, "App Host: " + host);
            ctx.output().lines(host, out);
        });
    }
}
