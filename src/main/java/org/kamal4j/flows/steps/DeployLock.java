package org.kamal4j.flows.steps;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.LockWait;
import org.kamal4j.flows.context.StopOnInterrupt;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.CommandFailedException;
import org.kamal4j.ssh.ExecResult;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The deploy lock on the selection's primary host. {@link #acquire} refuses a held lock with its holder's
 * details; {@link #release} runs on every path: flows call it in {@code finally}, also after Ctrl-C (the run's
 * {@link StopOnInterrupt} waits for the flow, so the lock goes last). The release is bounded
 * ({@link StopOnInterrupt#SETTLE_SECONDS}): an unreachable host is named with the command that releases the lock.
 * With {@code KAMAL_LOCK=true} an outer process holds the lock and this one neither takes nor releases it.
 */
public final class DeployLock implements AutoCloseable {

    /** Heading of the refusal when someone else holds the lock. */
    public static final String FOUND = "Deploy lock found";

    private final FlowContext ctx;
    private final LockCommands commands;
    private final AtomicBoolean held = new AtomicBoolean();
    private volatile String doneBefore = "nothing was changed";
    private final Set<String> runDirectoryMade = ConcurrentHashMap.newKeySet();

    public DeployLock(FlowContext ctx) {
        this.ctx = ctx;
        this.commands = new LockCommands(ctx.config(), ctx.clock(), ctx.lockUser());
    }

    /**
     * Creates {@code .kamal} on every selected host, then takes the lock on the primary host. Connections to every
     * selected host start at once ({@link org.kamal4j.ssh.Transport#connectAhead}).
     */
    public void acquire(String message, String version) throws FlowException, MultiHostException,
            InterruptedException {
        if (ctx.inheritedLock()) {
            ctx.output().info("Using the deploy lock held by the calling process (KAMAL_LOCK=true)");
            return;
        }
        LockWait wait = ctx.lockWait();
        ctx.output().info(wait.enabled() ? "Acquiring the deploy lock (waiting up to " + wait.timeout() + "s)..."
                : "Acquiring the deploy lock...");
        // Every selected host is reached next (here or by the flow's first fan-out): their handshakes overlap the
        // lock's instead of waiting for it
        ctx.transport().connectAhead(ctx.selection().hosts());
        String primary = ctx.selection().primaryHost();
        List<String> others = ctx.selection().hosts().stream()
                .filter(h -> !h.equals(primary) && !runDirectoryMade.contains(h)).toList();
        ctx.on(others, (h, s) -> s.run(commands.ensureRunDirectory()));
        try {
            Session s = ctx.transport().session(primary);
            long deadline = ctx.clock().millis() + wait.timeout() * 1000L;
            boolean holderShown = false;
            boolean vanished = false;
            ExecResult r;
            while (!(r = s.exec(commands.ensureRunDirectoryAndAcquire(message, version))).ok()) {
                if (!wait.enabled()) {
                    refuse(s, new CommandFailedException(commands.acquire(message, version), r));
                }
                ExecResult status = s.exec(commands.status());
                if (!status.ok() && !vanished) {
                    // released between our mkdir and the status: try again at once (a second time is an error)
                    vanished = true;
                    continue;
                }
                vanished = false;
                holderShown = waitForRelease(s, r, status, wait, deadline, holderShown, message, version);
            }
        } catch (TransportException e) {
            throw new FlowException("Could not take the deploy lock on " + primary + ": " + e.getMessage(), e);
        }
        held.set(true);
        ctx.lockHeld(true);
    }

    /** The lock could not be created: if it exists, name its holder; otherwise report the failure itself. */
    private void refuse(Session s, CommandFailedException failure) throws FlowException, TransportException {
        ExecResult status = s.exec(commands.status());
        if (!status.ok()) {
            throw new FlowException("Could not take the deploy lock on " + s.host() + ":\n" + failure.getMessage());
        }
        throw new FlowException(FOUND + " on " + s.host() + ", so " + doneBefore + "; if no deploy is running, "
                + "release it with `mvn kamal:lock-release`\n" + status.stdout().strip());
    }

    /**
     * One wait of {@code kamal.lockWait}, as Kamal waits: the holder is printed once; a manual lock (one that is not
     * {@code Automatic deploy lock}) or the end of the timeout fails the goal; otherwise it sleeps the interval (or
     * what is left of the timeout). Returns whether the holder has been shown.
     */
    private boolean waitForRelease(Session s, ExecResult failed, ExecResult status, LockWait wait, long deadline,
            boolean holderShown, String message, String version) throws FlowException, InterruptedException {
        if (!status.ok()) {
            throw new FlowException("Could not take the deploy lock on " + s.host() + ":\n"
                    + new CommandFailedException(commands.acquire(message, version), failed).getMessage());
        }
        if (!holderShown) {
            ctx.output().info("Deploy lock is held by:\n" + status.stdout().strip());
        }
        if (!status.stdout().contains(LockCommands.AUTOMATIC_MESSAGE)) {
            throw new FlowException("Deploy lock held manually on " + s.host() + ", not waiting; release it with "
                    + "`mvn kamal:lock-release` when its holder is done\n" + status.stdout().strip());
        }
        long remaining = (deadline - ctx.clock().millis()) / 1000;
        if (remaining <= 0) {
            ctx.output().info("Timed out after " + wait.timeout() + "s waiting for the deploy lock");
            throw new FlowException("Timed out waiting for the deploy lock on " + s.host() + " (-Dkamal.lockWaitTimeout="
                    + wait.timeout() + "); it is still held by:\n" + status.stdout().strip());
        }
        long sleep = Math.min(wait.interval(), remaining);
        ctx.output().info("Retrying in " + sleep + "s (" + remaining + "s remaining)...");
        ctx.sleeper().sleep(Duration.ofSeconds(sleep));
        return true;
    }

    /**
     * {@code hosts} already have {@code .kamal} (an audited pull made it): {@link #acquire} sends them nothing, one
     * round trip less per host.
     */
    public void runDirectoryMadeOn(Collection<String> hosts) {
        runDirectoryMade.addAll(hosts);
    }

    /** What the flow already did before taking the lock, for the refusal ({@code "only the image was pulled"}). */
    public void alreadyDone(String what) {
        this.doneBefore = what;
    }

    /**
     * The end of a flow that boots: releases the lock; after a stop (Ctrl-C, {@code -Dkamal.timeout}) first asks
     * each host what it runs and prints it after the release ({@link StopOnInterrupt#settle}).
     */
    public void end(DeployConfig config) {
        if (ctx.stop().requested()) {
            ctx.stop().settle(ctx, config, this::release);
        } else {
            release();
        }
    }

    /** Leaves the lock in place when this process ends (a manual {@code lock-acquire}). */
    public void keep() {
        if (held.compareAndSet(true, false)) {
            ctx.lockHeld(false);
        }
    }

    /** Releases the lock if this object took it; never throws (a failure is printed). Idempotent. */
    public void release() {
        if (!held.compareAndSet(true, false)) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        String primary = ctx.selection().primaryHost();
        try {
            ctx.output().info("Releasing the deploy lock...");
            boolean done = StopOnInterrupt.bounded(() -> ctx.transport().session(primary).run(commands.release()),
                    "kamal-lock-release");
            if (!done) {
                ctx.output().error("Could not release the deploy lock on " + primary + " within "
                        + StopOnInterrupt.SETTLE_SECONDS + " s; release it with `mvn kamal:lock-release`");
            }
        } catch (Exception e) {
            ctx.output().error("Error releasing the deploy lock on " + primary + ": " + String.valueOf(
                    e.getMessage()).strip() + "; release it with `mvn kamal:lock-release`");
        } finally {
            ctx.lockHeld(false);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        release();
    }
}
