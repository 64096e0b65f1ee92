package org.kamal4j.flows.context;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.local.Output;
import org.kamal4j.ssh.Session;

/**
 * What a run does when it is stopped by Ctrl-C (SIGINT to Maven) or by {@code -Dkamal.timeout}: no new step or host
 * is started ({@link #check}), running remote steps get {@link #GRACE_SECONDS} to end on their own, a host whose new
 * container is not ready by then is put back on its old one (the boot's failure path), then the flow
 * {@link #settle settles}: it asks each app host what it runs, releases the deploy lock last and prints each host's
 * state. A flow that does not settle (any goal but deploy, redeploy and rollback) is interrupted at once, as before.
 * After the bound the flow thread is interrupted whatever it does, so the JVM never waits longer than
 * {@link #maxWaitSeconds}.
 */
public final class StopOnInterrupt {

    /** Seconds running remote steps get after the stop before they are cut short. */
    public static final int GRACE_SECONDS = 30;
    /** Seconds the settling steps (asking each host, releasing the lock) may each take. */
    public static final int SETTLE_SECONDS = 10;

    private final Thread flow;
    private final int graceSeconds;
    private final boolean escalates;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String reason;
    private volatile long graceEnds;
    private volatile boolean settles;

    /**
     * @param escalates whether the flow thread is interrupted when it has not {@link #finished} within the bound;
     *                  only a caller that reports {@link #finished} (FlowWiring) may ask for it, or a stray interrupt
     *                  would hit whatever the thread does later
     */
    public StopOnInterrupt(Thread flow, int graceSeconds, boolean escalates) {
        this.flow = flow;
        this.graceSeconds = graceSeconds;
        this.escalates = escalates;
    }

    /**
     * For a run of the calling thread that reports {@link #finished} (FlowWiring); {@code graceSeconds}: how long
     * running remote steps get after the stop ({@code -Dkamal.stopGrace}, default {@link #GRACE_SECONDS}).
     */
    public static StopOnInterrupt forCurrentThread(int graceSeconds) {
        return new StopOnInterrupt(Thread.currentThread(), graceSeconds, true);
    }

    /** For a context used outside FlowWiring (tests, embedding callers): the same stop, never escalated. */
    public static StopOnInterrupt withoutEscalation() {
        return new StopOnInterrupt(Thread.currentThread(), GRACE_SECONDS, false);
    }

    /** The flow settles hosts itself on a stop, so the stop waits for running steps instead of interrupting. */
    public void settles() {
        settles = true;
    }

    /** How long a stop waits in all for the flow before the JVM may end. */
    public int maxWaitSeconds() {
        return graceSeconds + 3 * SETTLE_SECONDS;
    }

    /**
     * Stops the run ({@code why}: "Ctrl-C", "-Dkamal.timeout"); the first call wins. Returns at once: the flow thread
     * notices at its next step, or is interrupted (at once when it does not settle, else after the whole bound).
     */
    public void request(String why, Output output) {
        synchronized (this) {
            if (reason != null) {
                return;
            }
            graceEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(graceSeconds);
            reason = why;
        }
        if (!settles) {
            flow.interrupt();
            return;
        }
        output.error("Stopping (" + why + "): no new step or host is started; running steps get up to "
                + graceSeconds + " s, then each host is left on one version, the deploy lock is released and each"
                + " host's state printed");
        if (!escalates) {
            return;
        }
        Thread escalation = new Thread(() -> {
            if (!awaitFinished(maxWaitSeconds() - SETTLE_SECONDS)) {
                output.error("Still running " + (maxWaitSeconds() - SETTLE_SECONDS) + " s after " + why
                        + ": cutting the running steps short");
                flow.interrupt();
            }
        }, "kamal-stop-escalation");
        escalation.setDaemon(true);
        escalation.start();
    }

    public boolean requested() {
        return reason != null;
    }

    /** What stopped the run, or null. */
    public String reason() {
        return reason;
    }

    /** Whether the stop was requested and its grace for running steps has run out. */
    public boolean graceOver() {
        return reason != null && System.nanoTime() - graceEnds >= 0;
    }

    /** Throws when the run was stopped, so {@code what} (a step, a host) never starts. */
    public void check(String what) throws FlowException {
        if (reason != null) {
            throw new FlowException("Stopped (" + reason + ") before " + what);
        }
    }

    /** The flow has returned (normally or not); a waiting stop may let the JVM end. */
    public void finished() {
        finished.countDown();
    }

    /** Waits up to {@code seconds} for {@link #finished}; true when it came. */
    public boolean awaitFinished(long seconds) {
        try {
            return finished.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The end of a stopped deploy, in this order: ask every app host which versions of its roles run (the lock is
     * still held, so nobody changes them meanwhile), release the lock, print one line per host and role:
     * {@code 198.18.0.11: web runs v2}, or {@code ... web runs v1 (v2 stopped)} when the new container was put back.
     * Each part is bounded by {@link #SETTLE_SECONDS}; a host that does not answer is named as unknown.
     */
    public void settle(FlowContext ctx, DeployConfig config, Runnable releaseLock) {
        boolean interrupted = Thread.interrupted();
        try {
            Map<String, CompletableFuture<List<String>>> asked = new LinkedHashMap<>();
            for (String host : ctx.selection().appHosts()) {
                asked.put(host, supply(() -> states(ctx, config, host), "kamal-state-" + host));
            }
            Map<String, List<String>> states = new LinkedHashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
            asked.forEach((host, f) -> states.put(host, await(f, deadline, host)));
            releaseLock.run();
            ctx.output().error("Stopped (" + reason + "). What each host runs now:");
            states.forEach((host, lines) -> lines.forEach(l -> ctx.output().error("  " + host + ": " + l)));
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<String> states(FlowContext ctx, DeployConfig config, String host) throws Exception {
        Session s = ctx.transport().session(host);
        List<String> lines = new ArrayList<>();
        for (String roleName : ctx.selection().roleNamesOn(host)) {
            AppCommands app = new AppCommands(config, config.role(roleName), ctx.randomHex());
            List<String> running = s.run(app.runningVersions()).lines().map(String::strip)
                    .filter(v -> !v.isEmpty()).toList();
            String line = roleName + (running.isEmpty() ? " runs nothing" : " runs " + String.join(" and ", running));
            String created = running.contains(config.version()) ? null : s.tryRun(app.containerIdForVersion(
                    config.version()));
            if (created != null && !created.isBlank()) {
                line += " (" + config.version() + " stopped)";
            }
            lines.add(line);
        }
        return lines;
    }

    private static List<String> await(CompletableFuture<List<String>> f, long deadline, String host) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return List.of("unknown (no answer within " + SETTLE_SECONDS + " s)");
        } catch (ExecutionException e) {
            String why = e.getCause().getMessage();
            return List.of("unknown (" + (why == null ? e.getCause() : why.strip().lines().findFirst().orElse(""))
                    + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("unknown (interrupted)");
        }
    }

    /** Runs {@code work} on its own daemon thread: a host that hangs cannot hold up the JVM's exit. */
    private static <T> CompletableFuture<T> supply(Work<T> work, String name) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return f;
    }

    /** Bounded work: the lock release and each host's question. */
    @FunctionalInterface
    public interface Work<T> {
        T get() throws Exception;
    }

    /** Runs {@code work} on its own daemon thread and waits at most {@link #SETTLE_SECONDS}; false on timeout. */
    public static boolean bounded(Work<?> work, String name) throws Exception {
        CompletableFuture<?> f = supply(work, name);
        try {
            f.get(SETTLE_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw (Error) e.getCause();
        }
    }
}
