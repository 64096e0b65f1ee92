package org.kamal4j.flows.context;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.kamal4j.FlowException;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.local.CountingTransport;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.flows.local.LocalRunner;
import org.kamal4j.flows.local.Output;
import org.kamal4j.flows.local.RedactingOutput;
import org.kamal4j.flows.local.ShutdownHooks;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.runner.Sleeper;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.Transport;

/**
 * Everything a flow needs, built once per Maven goal: the configuration and selection, the transport (wrapped to
 * count round trips), the host runner, output, hooks, the local process runner, clock and sleeper, and who is
 * deploying. Immutable apart from the lock-held flag that hooks report as {@code KAMAL_LOCK}.
 */
public final class FlowContext {

    private final Selection selection;
    private final CountingTransport transport;
    private final HostRunner runner;
    private final RedactingOutput output;
    private final Hooks hooks;
    private final LocalRunner local;
    private final Clock clock;
    private final Sleeper sleeper;
    private final boolean dryRun;
    private final String performer;
    private final String lockUser;
    private final Map<String, String> environment;
    private final IntFunction<String> randomHex;
    private final String command;
    private final ShutdownHooks shutdownHooks;
    private final Path baseDir;
    private final BuildInputs buildInputs;
    private final LockWait lockWait;
    private final StopOnInterrupt stop;
    private final AtomicBoolean lockHeld = new AtomicBoolean();

    FlowContext(FlowContextBuilder b) {
        this.selection = Objects.requireNonNull(b.selection, "selection");
        this.transport = new CountingTransport(Objects.requireNonNull(b.transport, "transport"));
        this.runner = Objects.requireNonNull(b.runner, "runner");
        this.output = new RedactingOutput(Objects.requireNonNull(b.output, "output"), secretValues(b.selection));
        this.local = b.local;
        this.hooks = b.hooks == null ? Hooks.none(output) : b.hooks;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.dryRun = b.dryRun;
        this.performer = b.performer;
        this.lockUser = b.lockUser;
        this.environment = Map.copyOf(b.environment);
        this.randomHex = b.randomHex;
        this.command = b.command;
        this.shutdownHooks = b.shutdownHooks;
        this.baseDir = b.baseDir;
        this.lockWait = b.lockWait;
        this.buildInputs = b.buildInputs;
        this.stop = b.stop == null ? StopOnInterrupt.withoutEscalation() : b.stop;
    }

    /** A builder with production defaults for everything but these four. */
    public static FlowContextBuilder builder(Selection selection, Transport transport, HostRunner runner,
            Output output) {
        return new FlowContextBuilder(selection, transport, runner, output);
    }

    /** Every secret value of the configuration (empty when the secrets cannot be read yet). */
    private static Collection<String> secretValues(Selection selection) {
        try {
            return selection.config().secrets().all().values();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    public DeployConfig config() {
        return selection.config();
    }

    public Selection selection() {
        return selection;
    }

    public CountingTransport transport() {
        return transport;
    }

    public HostRunner runner() {
        return runner;
    }

    public RedactingOutput output() {
        return output;
    }

    public Hooks hooks() {
        return hooks;
    }

    public LocalRunner local() {
        return local;
    }

    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public String performer() {
        return performer;
    }

    public String lockUser() {
        return lockUser;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public IntFunction<String> randomHex() {
        return randomHex;
    }

    /** {@code KAMAL_COMMAND} for hooks. */
    public String command() {
        return command;
    }

    public ShutdownHooks shutdownHooks() {
        return shutdownHooks;
    }

    /** The project directory: local files (accessory files) resolve against it. */
    public Path baseDir() {
        return baseDir;
    }

    /** The Maven project and settings credentials an image build may use (Jib). */
    public BuildInputs buildInputs() {
        return buildInputs;
    }

    /** Whether and why the run was stopped (Ctrl-C, {@code -Dkamal.timeout}); see {@link StopOnInterrupt}. */
    public StopOnInterrupt stop() {
        return stop;
    }

    /** Work on one host with its session. */
    @FunctionalInterface
    public interface OnHost {
        void run(String host, Session session) throws Exception;
    }

    /** Work on one host with its session that returns a result. */
    @FunctionalInterface
    public interface FromHost<R> {
        R run(String host, Session session) throws Exception;
    }

    /**
     * Runs {@code work} on every host in parallel, each with its session, as Kamal's {@code on(hosts) do |host|}
     * reads. Every host completes; failures come back as one {@link MultiHostException} naming each failed host.
     */
    public void on(List<String> hosts, OnHost work) throws MultiHostException, InterruptedException {
        runner.runEach(hosts, h -> h, host -> {
            stop.check("starting on " + host);
            work.run(host, transport.session(host));
        });
    }

    /** {@link #on} that collects each host's result, in host order. */
    public <R> List<R> collect(List<String> hosts, FromHost<R> work) throws MultiHostException,
            InterruptedException {
        return runner.run(hosts, h -> h, host -> {
            stop.check("starting on " + host);
            return work.run(host, transport.session(host));
        });
    }

    /** Audit records for {@code config} (which may carry another version than the context's). */
    public AuditCommands audit(DeployConfig config) {
        return new AuditCommands(config, clock, performer);
    }

    /** Whether this process holds the deploy lock (or inherited it through {@code KAMAL_LOCK=true}). */
    public boolean lockHeld() {
        return lockHeld.get() || inheritedLock();
    }

    /** {@code KAMAL_LOCK=true} in the environment: an outer Kamal holds the lock for us. */
    public boolean inheritedLock() {
        return "true".equals(environment.get("KAMAL_LOCK"));
    }

    /** Whether and how long {@code DeployLock.acquire} waits for a lock another deploy holds. */
    public LockWait lockWait() {
        return lockWait;
    }

    public void lockHeld(boolean held) {
        lockHeld.set(held);
    }

    /** Runs hook {@code name} with Kamal's environment for {@code version}, {@code hosts} and extras. */
    public void hook(String name, String version, List<String> hosts, Map<String, String> extra)
            throws FlowException, InterruptedException {
        stop.check("the " + name + " hook");
        Map<String, String> env = new LinkedHashMap<>();
        if (Hooks.WITH_SECRETS.contains(name) && hooks.exists(name)) {
            env.putAll(config().secrets().all());
        }
        env.putAll(HookEnvironment.of(this, version, hosts));
        env.putAll(extra);
        hooks.run(name, env, secretValues(selection));
    }
}
