package org.kamal4j.flows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.KamalException;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.LockWait;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.flows.context.StopOnInterrupt;
import org.kamal4j.flows.local.DryRunLocalRunner;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.flows.local.Identity;
import org.kamal4j.flows.local.LocalRunner;
import org.kamal4j.flows.local.Output;
import org.kamal4j.flows.local.OutputTransportListener;
import org.kamal4j.flows.local.ProcessLocalRunner;
import org.kamal4j.flows.local.ShutdownHooks;
import org.kamal4j.flows.rollout.Rollout;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.ssh.DryRunTransport;
import org.kamal4j.ssh.JschTransport;
import org.kamal4j.ssh.SshCredentials;
import org.kamal4j.ssh.Transport;
import org.kamal4j.ssh.TransportException;

/**
 * Wires what a goal's {@link Flow} runs with, from the goal's options: the selection of hosts and roles, the
 * transport (SSH, or the printing dry-run transport), the host runner, local runner, hooks and who is deploying;
 * then runs the flow and closes all of it. The Maven layer only sets options, so the same wiring serves any caller.
 */
public final class FlowWiring {

    private final DeployConfig config;
    private final Output output;
    private String hosts;
    private String roles;
    private boolean primaryOnly;
    private boolean dryRun;
    private boolean skipHooks;
    private int maxThreads = 64;
    private int hookTimeout = Hooks.DEFAULT_TIMEOUT;
    private int stopGrace = StopOnInterrupt.GRACE_SECONDS;
    private LockWait lockWait = LockWait.NONE;
    private int runTimeout;
    private String command = "deploy";
    private Path baseDir = Path.of(".");
    private Map<String, String> environment = System.getenv();
    private SshCredentials credentials = SshCredentials.NONE;
    private BuildInputs buildInputs = BuildInputs.NONE;
    private ShutdownHooks shutdownHooks = ShutdownHooks.RUNTIME;
    private Path reportDir;
    private String goal;

    private FlowWiring(DeployConfig config, Output output) {
        this.config = config;
        this.output = output;
    }

    /** Wiring for a loaded configuration, printing to {@code output}. */
    public static FlowWiring of(DeployConfig config, Output output) {
        return new FlowWiring(config, output);
    }

    /** Comma-separated host patterns ({@code -h}); null or empty: every host. */
    public FlowWiring hosts(String patterns) {
        this.hosts = patterns;
        return this;
    }

    /** Comma-separated role patterns ({@code -r}); null or empty: every role. */
    public FlowWiring roles(String patterns) {
        this.roles = patterns;
        return this;
    }

    /** Only the primary host of the selection ({@code -p}). */
    public FlowWiring primaryOnly(boolean p) {
        this.primaryOnly = p;
        return this;
    }

    /** Print remote and local commands instead of running them. */
    public FlowWiring dryRun(boolean d) {
        this.dryRun = d;
        return this;
    }

    /** Do not run hooks ({@code -H}). */
    public FlowWiring skipHooks(boolean s) {
        this.skipHooks = s;
        return this;
    }

    /** At most this many hosts are worked on at once. */
    public FlowWiring maxThreads(int n) {
        this.maxThreads = n;
        return this;
    }

    /**
     * Seconds running remote steps get to end on their own after Ctrl-C or {@code -Dkamal.timeout}, before they are
     * cut short ({@code -Dkamal.stopGrace}).
     */
    public FlowWiring stopGrace(int seconds) {
        this.stopGrace = seconds;
        return this;
    }

    /** Seconds each hook may run ({@code -Dkamal.hookTimeout}). */
    public FlowWiring hookTimeout(int seconds) {
        this.hookTimeout = seconds;
        return this;
    }

    /** Seconds the whole run may take, then it stops as on an interrupt ({@code -Dkamal.timeout}); 0 = none. */
    public FlowWiring runTimeout(int seconds) {
        this.runTimeout = seconds;
        return this;
    }

    /** Wait for another deploy's lock instead of failing ({@code -Dkamal.lockWait} and its bounds). */
    public FlowWiring lockWait(boolean wait, int timeoutSeconds, int intervalSeconds) {
        this.lockWait = new LockWait(wait, timeoutSeconds, intervalSeconds);
        return this;
    }

    /** {@code KAMAL_COMMAND} for hooks. */
    public FlowWiring command(String c) {
        this.command = c;
        return this;
    }

    /** The project directory: hooks, local commands and git run there. */
    public FlowWiring baseDir(Path dir) {
        this.baseDir = dir;
        return this;
    }

    /** The process environment hooks and secrets see. */
    public FlowWiring environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    /** SSH key files and their passphrase (from Maven's settings.xml); default: none beyond ssh's own. */
    public FlowWiring credentials(List<Path> keys, String passphrase) {
        this.credentials = new SshCredentials(keys, passphrase);
        return this;
    }

    /** Where the Ctrl-C handler is registered (tests trigger it by hand). */
    public FlowWiring shutdownHooks(ShutdownHooks hooks) {
        this.shutdownHooks = hooks;
        return this;
    }

    /** The Java project and settings.xml registry credentials a {@code builder.jib} build uses. */
    public FlowWiring buildInputs(BuildInputs inputs) {
        this.buildInputs = inputs;
        return this;
    }

    /**
     * Writes the goal's report ({@code <goal>-<timestamp>.json} and its HTML page) into {@code dir} when the flow
     * ends; null (the default) for goals whose flow writes its own (deploy, redeploy, rollback).
     */
    public FlowWiring report(Path dir, String goalName) {
        this.reportDir = dir;
        this.goal = goalName;
        return this;
    }

    /**
     * Runs the flow on the wired context and closes the transport and the host runner. Every failure the user can
     * act on is a {@link KamalException}. Ctrl-C (a JVM shutdown hook) and {@code -Dkamal.timeout} stop the run
     * through one {@link StopOnInterrupt}: the hook waits (bounded) until the flow has settled and released the lock.
     */
    public void run(Flow flow) throws KamalException {
        StopOnInterrupt stop = StopOnInterrupt.forCurrentThread(stopGrace);
        Thread ctrlC = new Thread(() -> {
            stop.request("Ctrl-C", output);
            if (!stop.awaitFinished(stop.maxWaitSeconds())) {
                output.error("Gave up waiting for the run after Ctrl-C; if `mvn kamal:lock-status` shows a lock,"
                        + " release it with `mvn kamal:lock-release`");
            }
        }, "kamal-ctrl-c");
        shutdownHooks.add(ctrlC);
        RunTimeout watchdog = RunTimeout.start(runTimeout, () -> stop.request("-Dkamal.timeout", output));
        try (HostRunner runner = new HostRunner(maxThreads); Transport transport = transport()) {
            Selection selection = Selection.of(config, hosts, roles);
            if (primaryOnly) {
                selection = Selection.of(config, selection.primaryHost(), roles);
            }
            FlowContext ctx = context(selection, transport, runner, stop);
            Rollout report = reportDir == null ? null
                    : new Rollout(ctx, new RolloutOptions(false, reportDir.resolve(RolloutOptions.REPORT_NAME)));
            try {
                flow.run(ctx);
            } catch (KamalException | InterruptedException | RuntimeException e) {
                if (report != null) {
                    report.failed(e);
                }
                throw e;
            } finally {
                if (report != null) {
                    report.writeGoalReport(goal);
                }
            }
            if (report != null) {
                report.printReportPath();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw stopped(stop, e);
        } catch (KamalException e) {
            if (stop.requested()) {
                throw stopped(stop, e);
            }
            throw e;
        } finally {
            watchdog.cancel();
            stop.finished();
            shutdownHooks.remove(ctrlC);
        }
    }

    private FlowException stopped(StopOnInterrupt stop, Exception cause) {
        String why = stop.reason() == null ? "Interrupted" : "-Dkamal.timeout".equals(stop.reason())
                ? "Timed out after " + runTimeout + " s (-Dkamal.timeout)" : "Stopped by " + stop.reason();
        return new FlowException(why + ": no new step was started, each host was left on one version (see above)"
                + " and the deploy lock (if taken) was released last\n" + cause.getMessage(), cause);
    }

    private FlowContext context(Selection selection, Transport transport, HostRunner runner, StopOnInterrupt stop)
            throws InterruptedException {
        LocalRunner real = new ProcessLocalRunner(baseDir, output);
        LocalRunner local = dryRun ? new DryRunLocalRunner(output) : real;
        String hooksPath = config.paths().hooks();
        return FlowContext.builder(selection, transport, runner, output)
                .local(local)
                .hooks(new Hooks(baseDir.resolve(hooksPath), local, output, skipHooks).withTimeout(hookTimeout))
                .dryRun(dryRun)
                .performer(Identity.performer(real))
                .lockUser(Identity.lockUser(real))
                .environment(environment)
                .command(command)
                .baseDir(baseDir)
                .buildInputs(buildInputs)
                .lockWait(lockWait)
                .stop(stop)
                .build();
    }

    private Transport transport() throws FlowException {
        if (dryRun) {
            return new DryRunTransport(output::info);
        }
        try {
            return JschTransport.builder(config.ssh(), config.sshkit()).credentials(credentials)
                    .secrets(config.secrets()).listener(new OutputTransportListener(output)).build();
        } catch (TransportException e) {
            throw new FlowException(e.getMessage(), e);
        }
    }
}
