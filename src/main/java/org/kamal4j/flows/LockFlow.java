package org.kamal4j.flows;

import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/** {@code kamal:lock-status}, {@code kamal:lock-acquire} and {@code kamal:lock-release} on the primary host (7.1). */
public final class LockFlow {

    private final FlowContext ctx;
    private final LockCommands commands;

    public LockFlow(FlowContext ctx) {
        this.ctx = ctx;
        this.commands = new LockCommands(ctx.config(), ctx.clock(), ctx.lockUser());
    }

    /** Prints the holder's details, or {@code There is no deploy lock}; returns the details or null. */
    public String status() throws FlowException {
        try {
            ExecResult r = session().exec(commands.status());
            String details = r.ok() ? r.stdout().strip() : null;
            if (details == null) {
                ctx.output().info("There is no deploy lock");
            } else {
                details.lines().forEach(ctx.output()::info);
            }
            return details;
        } catch (TransportException e) {
            throw unreachable(e);
        }
    }

    /** Takes the lock with {@code message} and keeps it after this process ends. */
    public void acquire(String message) throws FlowException, MultiHostException, InterruptedException {
        if (message == null || message.isBlank()) {
            throw new FlowException("A lock needs a message: pass it with -Dkamal.message=\"...\"");
        }
        DeployLock lock = new DeployLock(ctx);
        lock.acquire(message, ctx.config().version() == null ? "" : ctx.config().version());
        lock.keep();
        ctx.output().info("Acquired the deploy lock");
    }

    /** Removes the lock whoever holds it. */
    public void release() throws FlowException {
        try {
            ExecResult r = session().exec(commands.release());
            if (!r.ok()) {
                ExecResult exists = session().exec(commands.status());
                if (exists.ok()) {
                    throw new FlowException("Could not release the deploy lock on " + ctx.selection().primaryHost()
                            + ": " + r.stderr().strip());
                }
                ctx.output().info("There is no deploy lock");
                return;
            }
            ctx.output().info("Released the deploy lock");
        } catch (TransportException e) {
            throw unreachable(e);
        }
    }

    private Session session() throws TransportException {
        return ctx.transport().session(ctx.selection().primaryHost());
    }

    private FlowException unreachable(TransportException e) {
        return new FlowException("Could not reach the primary host " + ctx.selection().primaryHost() + ": "
                + e.getMessage(), e);
    }
}
