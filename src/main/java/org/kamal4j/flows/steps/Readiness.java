package org.kamal4j.flows.steps;

import java.time.Duration;
import java.time.Instant;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/** Waits for a new container of a role without kamal-proxy to be running or healthy, polling Docker. */
final class Readiness {

    private final FlowContext ctx;

    Readiness(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Returns once the container of {@code version} is ready; fails at the deploy timeout with its last status. */
    void await(Session s, AppCommands app, String version, String host) throws FlowException, TransportException,
            InterruptedException {
        if (ctx.dryRun()) {
            ctx.output().info(host, "Dry run: not waiting for the container to become healthy");
            return;
        }
        int timeout = ctx.config().timeouts().deploy();
        int delay = ctx.config().timeouts().readinessDelay();
        Instant deadline = ctx.clock().instant().plusSeconds(timeout);
        for (int attempt = 1;; attempt++) {
            String status = status(s, app, version);
            if ("running".equals(status) && delay > 0) {
                ctx.output().info(host, "Container is running, waiting for readiness delay of " + delay + " seconds");
                ctx.sleeper().sleep(Duration.ofSeconds(delay));
                status = status(s, app, version);
            }
            if ("running".equals(status) || "healthy".equals(status)) {
                ctx.output().info(host, "Container is healthy!");
                return;
            }
            if (ctx.stop().graceOver()) {
                throw new FlowException("stopped (" + ctx.stop().reason() + ") before the container was ready ("
                        + status + ")");
            }
            Duration left = Duration.between(ctx.clock().instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new FlowException("container not ready after " + timeout + " seconds (" + status + ")");
            }
            Duration pause = Duration.ofSeconds(attempt);
            ctx.sleeper().sleep(pause.compareTo(left) < 0 ? pause : left);
        }
    }

    private static String status(Session s, AppCommands app, String version) throws TransportException {
        return s.run(app.healthStatus(version)).strip();
    }
}
