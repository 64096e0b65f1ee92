package org.kamal4j.flows.steps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * Waits for a new container of a role without kamal-proxy to be running or healthy. The wait runs on the host
 * ({@link AppCommands#awaitReady}: Docker polled every 0.1 s), in calls of at most {@link #CHUNK_SECONDS} until
 * {@code deploy_timeout}, so the flow sees the container ready within a tenth of a second instead of a client-side
 * poll once a second, and a stop (Ctrl-C, {@code -Dkamal.timeout}) still acts between two calls. The first call
 * carries the commands that start the container, so starting and the first wait are one round trip.
 */
final class Readiness {

    /** The longest single wait on the host. */
    static final int CHUNK_SECONDS = 10;

    private final FlowContext ctx;

    Readiness(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Returns once the container of {@code version} is ready; fails at the deploy timeout with its last status. */
    void await(Session s, AppCommands app, String version, String host) throws FlowException, TransportException,
            InterruptedException {
        await(s, app, version, host, List.of());
    }

    /**
     * Runs {@code before} (the steps that start the container) and the wait as one command
     * ({@link Command#steps}: a failure names its step), then waits on as {@link #await(Session, AppCommands, String,
     * String)} does.
     */
    void await(Session s, AppCommands app, String version, String host, List<Command> before)
            throws FlowException, TransportException, InterruptedException {
        await(s, app, version, host, before, List.of());
    }

    /**
     * As {@link #await(Session, AppCommands, String, String, List)}, and runs {@code after} (steps whose failure is
     * ignored, e.g. stopping the old container) in the same command as soon as the container is ready
     * ({@link AppCommands#awaitReady(String, int, String, Command)}), without a round trip of its own.
     *
     * @return whether {@code after} ran; false when the readiness delay still had to pass on the client (the caller
     *         then runs it itself)
     */
    boolean await(Session s, AppCommands app, String version, String host, List<Command> before, List<Command> after)
            throws FlowException, TransportException, InterruptedException {
        if (ctx.dryRun()) {
            List<Command> all = new ArrayList<>(before);
            all.addAll(after);
            if (!all.isEmpty()) {
                s.run(Command.steps(all));
            }
            ctx.output().info(host, "Dry run: not waiting for the container to become healthy");
            return true;
        }
        int timeout = ctx.config().timeouts().deploy();
        int delay = ctx.config().timeouts().readinessDelay();
        Instant deadline = ctx.clock().instant().plusSeconds(timeout);
        // with a readiness delay a container without a health check is ready only after the client's pause
        String thenStatuses = delay > 0 ? "healthy" : AppCommands.READY_STATUSES;
        Command then = after.isEmpty() ? null : after.stream().reduce(Command::and).orElseThrow();
        List<Command> first = before;
        int waited = 0;
        while (true) {
            int chunk = Math.max(0, Math.min(CHUNK_SECONDS, timeout - waited));
            List<Command> steps = new ArrayList<>(first);
            steps.add(app.awaitReady(version, chunk, thenStatuses, then));
            String out = s.run(Command.steps(steps));
            boolean ran = out.lines().anyMatch(l -> l.strip().equals(AppCommands.RETIRED_MARK));
            String status = lastLine(out.replace(AppCommands.RETIRED_MARK, ""));
            first = List.of();
            waited += chunk;
            if ("running".equals(status) && delay > 0) {
                ctx.output().info(host, "Container is running, waiting for readiness delay of " + delay + " seconds");
                ctx.sleeper().sleep(Duration.ofSeconds(delay));
                status = lastLine(s.run(app.healthStatus(version)));
            }
            if ("running".equals(status) || "healthy".equals(status)) {
                ctx.output().info(host, "Container is healthy!");
                return ran;
            }
            if (ctx.stop().graceOver()) {
                throw new FlowException("stopped (" + ctx.stop().reason() + ") before the container was ready ("
                        + status + ")");
            }
            // each call waited its whole chunk on the host; the clock bounds it too when a call returned early
            if (waited >= timeout || !ctx.clock().instant().isBefore(deadline)) {
                throw new FlowException("container not ready after " + timeout + " seconds (" + status + ")");
            }
        }
    }

    /** The status the wait printed last (docker run prints the container id before it). */
    private static String lastLine(String out) {
        List<String> lines = out.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
