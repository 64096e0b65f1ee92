package org.kamal4j.flows.steps;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.EnvFile;
import org.kamal4j.commands.FileWrite;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.HaltedAtBarrierException;
import org.kamal4j.runner.RoleTask;
import org.kamal4j.runner.WebBarrier;
import org.kamal4j.ssh.ConnectionLostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The blue-green boot of one role on one host: rename a clashing container, find the old version, wait at
 * the barrier (non-primary roles), write the env file, run the new container, wait until it is ready, then stop
 * the old one. On failure the new container is stopped, the old one keeps running, the barrier is closed and the
 * new container's last log lines are put into the error.
 */
public final class AppBoot implements RoleTask {

    /** How many log lines of a failed container the error shows. */
    public static final int LOG_LINES = 20;

    private final FlowContext ctx;
    private final DeployConfig config;
    private final WebBarrier barrier;
    private final BootReport report;
    private final Map<String, RoleVersions> known;

    /**
     * @param known what each (host, role) runs, found earlier in this flow under the lock ({@link RoleVersions}),
     *              keyed by {@link #key}; a missing key is looked up on the host
     */
    public AppBoot(FlowContext ctx, DeployConfig config, WebBarrier barrier, BootReport report,
            Map<String, RoleVersions> known) {
        this.ctx = ctx;
        this.config = config;
        this.barrier = barrier;
        this.report = report;
        this.known = known;
    }

    /** The key of {@code knownCurrent}. */
    public static String key(String host, String role) {
        return host + " " + role;
    }

    @Override
    public void run(String host, String roleName, String lane) throws Exception {
        long start = System.nanoTime();
        Role role = config.role(roleName);
        AppCommands app = new AppCommands(config, role, ctx.randomHex());
        AuditCommands audit = ctx.audit(config);
        Session s = ctx.transport().session(host, lane);
        String version = config.version();
        boolean gatekeeper = roleName.equals(barrier.primaryRole());
        checkStop(host, roleName, gatekeeper);
        RoleVersions found = known.get(key(host, roleName));
        String replaced = renameClash(s, app, audit, host, roleName, found);
        String old = oldVersion(s, app, replaced, found);
        EnvFile env;
        Command envWrite;
        try {
            env = EnvFile.of(config.envFor(role, host), config.secrets());
            envWrite = carriedEnvWrite(s, env, role);
        } catch (Exception e) {
            throw failed(s, app, host, roleName, old, gatekeeper, start, e);
        }
        if (!gatekeeper) {
            awaitBarrier(host, roleName, old, start);
        }
        checkStop(host, roleName, gatekeeper);
        // Once the barrier is decided nobody waits for this host's answer, so the old container can be stopped in
        // the command that starts the new one, as soon as that is ready: one round trip less. A gatekeeper that may
        // still open the barrier stops it separately, after opening it.
        List<Command> retire = old != null && (!gatekeeper || barrier.isOpen()) ? retire(app, role, old) : List.of();
        boolean retired;
        try {
            List<Command> starting = start(app, audit, role, host, env, envWrite);
            if (role.runsProxy()) {
                new ProxyReadiness(ctx, config).await(s, role, app, host, starting, retire);
                retired = true;
            } else {
                retired = new Readiness(ctx).await(s, app, version, host, starting, retire);
            }
        } catch (Exception e) {
            throw failed(s, app, host, roleName, old, gatekeeper, start, e);
        }
        if (gatekeeper && barrier.open(host)) {
            ctx.output().info(host, "First " + roleName + " container is healthy on " + host
                    + ", booting any other roles");
        }
        if (old != null && (retire.isEmpty() || !retired)) {
            s.tryRun(app.stop(old));
            new BootPreparation(ctx, config).cleanUp(s, role);
        }
        report.add(row(host, roleName, old, "booted", start));
    }

    /** Stopping the old container and cleaning up after it, as steps whose failure is ignored (as tryRun). */
    private List<Command> retire(AppCommands app, Role role, String old) {
        List<Command> steps = new ArrayList<>();
        steps.add(app.stop(old).tolerated());
        new BootPreparation(ctx, config).cleanUpSteps(role).forEach(c -> steps.add(c.tolerated()));
        return steps;
    }

    /**
     * After a stop (Ctrl-C) a boot not yet started never starts: the host keeps its old version of the role. A
     * skipped primary role closes the barrier, so other roles do not wait for it.
     */
    private void checkStop(String host, String roleName, boolean gatekeeper) throws FlowException {
        try {
            ctx.stop().check("booting " + roleName + " on " + host);
        } catch (FlowException e) {
            if (gatekeeper) {
                barrier.close(host, e);
            }
            throw e;
        }
    }

    private String renameClash(Session s, AppCommands app, AuditCommands audit, String host, String role,
            RoleVersions found) throws TransportException {
        String version = config.version();
        String clash = found != null ? found.clash()
                : s.tryRun(app.containerIdForVersion(version).step("clash check (docker container ls)"));
        if (clash == null || clash.isBlank()) {
            return null;
        }
        String replaced = app.replacementVersion(version);
        ctx.output().info(host, "Renaming container " + version + " to " + replaced + " as already deployed on "
                + host);
        s.run(audit.record("Renaming container " + version + " to " + replaced, role)
                .and(app.rename(version, replaced)));
        return replaced;
    }

    private String oldVersion(Session s, AppCommands app, String replaced, RoleVersions found)
            throws TransportException {
        String old = found != null ? found.current() : s.tryRun(app.currentRunningVersion());
        if (old == null || old.isBlank()) {
            return null;
        }
        return replaced != null && old.equals(config.version()) ? replaced : old;
    }

    private void awaitBarrier(String host, String role, String old, long start) throws HaltedAtBarrierException,
            InterruptedException {
        String primary = barrier.primaryRole();
        ctx.output().info(host, "Waiting for the first healthy " + primary + " container before booting " + role
                + " on " + host + "...");
        try {
            barrier.await(role, host);
        } catch (HaltedAtBarrierException e) {
            ctx.output().error(host, "First " + primary + " container is unhealthy, not booting " + role + " on "
                    + host);
            report.add(row(host, role, old, "halted", start));
            throw e;
        }
        ctx.output().info(host, "First " + primary + " container is healthy, booting " + role + " on " + host
                + "...");
    }

    /**
     * The write of the role's env file as a step of the command that starts the container (one round trip less per
     * host and role), or null after uploading it now: when the start's standard input already carries the variables
     * {@link EnvFile#feed} exports, the file cannot ride on it too. The upload then happens before the barrier, so a
     * role waiting there need not wait for it afterwards.
     */
    private Command carriedEnvWrite(Session s, EnvFile env, Role role) throws TransportException {
        byte[] content = env.content().getBytes(StandardCharsets.UTF_8);
        String file = config.roleEnvFile(role.name());
        if (!env.fromEnvironment().isEmpty()) {
            s.upload(content, file, 0600);
            return null;
        }
        return FileWrite.of(content, file, 0600, ctx.randomHex().apply(12)).withSecrets(env.secretValues());
    }

    /**
     * The steps that start the container: the audit record, the env file's write (unless already uploaded) and
     * {@code docker run}. The readiness wait sends them with its first wait, in one round trip.
     */
    private List<Command> start(AppCommands app, AuditCommands audit, Role role, String host, EnvFile env,
            Command envWrite) {
        String version = config.version();
        ctx.output().info(host, "Start container with version " + version + " for " + role.name() + "...");
        // Kamal's order: the audit record, the env file, docker run
        List<Command> steps = new ArrayList<>();
        steps.add(audit.record("Booted app version " + version, role.name()).step("audit"));
        if (envWrite != null) {
            steps.add(envWrite);
        }
        steps.add(env.feed(app.run(host)).step("run"));
        return steps;
    }

    /**
     * Records the failed row, cleans up after a failed start and returns the error to throw, with the container's
     * last log lines.
     */
    private Exception failed(Session s, AppCommands app, String host, String role, String old, boolean gatekeeper,
            long start, Exception cause) {
        report.add(row(host, role, old, "failed", start));
        // cut short after a stop: the clean-up below must still run, so the host keeps only its old version
        boolean interrupted = Thread.interrupted();
        try {
            return cleanUpFailed(s, app, host, role, gatekeeper, cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Exception cleanUpFailed(Session s, AppCommands app, String host, String role, boolean gatekeeper,
            Exception cause) {
        ctx.output().error(host, "Failed to boot " + role + " on " + host);
        // within a failure budget a failed gatekeeper may not close the barrier: other roles still boot
        if (gatekeeper && barrier.close(host, cause) && barrier.isClosed()) {
            ctx.output().error(host, "First " + role + " container is unhealthy on " + host
                    + ", not booting any other roles");
        }
        String message = ctx.output().redact(cause.getMessage() == null ? cause.toString() : cause.getMessage()
                .strip());
        if (cause instanceof ConnectionLostException) {
            // the host is gone for this run: no logs to fetch, no new container to stop (the next deploy or a
            // rollback settles it; the old container was never stopped)
            return new FlowException(message, cause);
        }
        // Every failed host's error carries its container's logs, also a primary-role host that failed after the
        // barrier was decided (Kamal shows them only for the host that closed it)
        String logs = lastLogLines(s, app);
        String health = healthCheckOutput(s, app);
        try {
            s.tryRun(app.stop(config.version()));
        } catch (TransportException e) {
            cause.addSuppressed(e);
        }
        message += "\nLast " + LOG_LINES + " log lines of " + app.containerName(config.version()) + ":\n"
                + (logs.isBlank() ? "(no output)" : ctx.output().redact(logs.strip()));
        if (health != null && !health.isBlank()) {
            message += "\nHealth check output of " + app.containerName(config.version()) + ":\n"
                    + ctx.output().redact(health.strip());
        }
        return new FlowException(message, cause);
    }

    private String lastLogLines(Session s, AppCommands app) {
        Command tail = app.containerIdForVersion(config.version())
                .pipe(Command.of("xargs", "docker", "logs", "--tail", String.valueOf(LOG_LINES)).raw("2>&1"));
        try {
            String out = s.tryRun(tail);
            return out == null ? "Could not fetch logs for " + config.version() : out;
        } catch (TransportException e) {
            return "Could not fetch logs for " + config.version() + ": " + e.getMessage();
        }
    }

    /** The output of the image's HEALTHCHECK runs (empty when the image has none or it cannot be read). */
    private String healthCheckOutput(Session s, AppCommands app) {
        Command inspect = app.containerIdForVersion(config.version()).pipe(Command.of("xargs", "docker", "inspect",
                "--format", "{{if .State.Health}}{{range .State.Health.Log}}exit {{.ExitCode}}: {{.Output}}\n{{end}}"
                        + "{{end}}"));
        try {
            String out = s.tryRun(inspect);
            // Docker keeps the last five runs, usually the same failure: show each distinct line once.
            return out == null ? null : String.join("\n", out.lines().map(String::strip).filter(l -> !l.isEmpty())
                    .distinct().toList());
        } catch (TransportException e) {
            return null;
        }
    }

    private BootReport.Row row(String host, String role, String old, String result, long start) {
        return new BootReport.Row(host, role, old, config.version(), result,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
