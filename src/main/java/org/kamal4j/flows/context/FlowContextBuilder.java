package org.kamal4j.flows.context;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.IntFunction;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.commands.RandomHex;
import org.kamal4j.flows.local.DryRunLocalRunner;
import org.kamal4j.flows.local.Hooks;
import org.kamal4j.flows.local.LocalRunner;
import org.kamal4j.flows.local.Output;
import org.kamal4j.flows.local.ShutdownHooks;
import org.kamal4j.runner.HostRunner;
import org.kamal4j.runner.Sleeper;
import org.kamal4j.ssh.Transport;

/** Builds a {@link FlowContext}; every optional part has a production default. */
public final class FlowContextBuilder {

    final Selection selection;
    final Transport transport;
    final HostRunner runner;
    final Output output;
    Hooks hooks;
    LocalRunner local;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.REAL;
    boolean dryRun;
    String performer = "Unknown";
    String lockUser = "Unknown";
    Map<String, String> environment = System.getenv();
    IntFunction<String> randomHex = RandomHex.secure();
    String command = "deploy";
    ShutdownHooks shutdownHooks = ShutdownHooks.RUNTIME;
    Path baseDir = Path.of(".");
    BuildInputs buildInputs = BuildInputs.NONE;
    LockWait lockWait = LockWait.NONE;
    StopOnInterrupt stop;

    FlowContextBuilder(Selection selection, Transport transport, HostRunner runner, Output output) {
        this.selection = selection;
        this.transport = transport;
        this.runner = runner;
        this.output = output;
    }

    /** What a stop does for this run (default: one for the thread that builds the context, never escalated). */
    public FlowContextBuilder stop(StopOnInterrupt s) {
        this.stop = s;
        return this;
    }

    public FlowContextBuilder hooks(Hooks h) {
        this.hooks = h;
        return this;
    }

    public FlowContextBuilder local(LocalRunner l) {
        this.local = l;
        return this;
    }

    public FlowContextBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    public FlowContextBuilder sleeper(Sleeper s) {
        this.sleeper = s;
        return this;
    }

    public FlowContextBuilder dryRun(boolean d) {
        this.dryRun = d;
        return this;
    }

    /** The audit performer (git user.email, or whoami). */
    public FlowContextBuilder performer(String p) {
        this.performer = p;
        return this;
    }

    /** The lock holder's name (git user.name, or Unknown). */
    public FlowContextBuilder lockUser(String u) {
        this.lockUser = u;
        return this;
    }

    public FlowContextBuilder environment(Map<String, String> env) {
        this.environment = env;
        return this;
    }

    public FlowContextBuilder randomHex(IntFunction<String> r) {
        this.randomHex = r;
        return this;
    }

    /** {@code KAMAL_COMMAND} for hooks: deploy, setup, rollback, ... */
    public FlowContextBuilder command(String c) {
        this.command = c;
        return this;
    }

    public FlowContextBuilder shutdownHooks(ShutdownHooks s) {
        this.shutdownHooks = s;
        return this;
    }

    public FlowContextBuilder baseDir(Path dir) {
        this.baseDir = dir;
        return this;
    }

    public FlowContextBuilder lockWait(LockWait w) {
        this.lockWait = w;
        return this;
    }

    public FlowContextBuilder buildInputs(BuildInputs inputs) {
        this.buildInputs = inputs;
        return this;
    }

    public FlowContext build() {
        if (local == null) {
            local = new DryRunLocalRunner(output);
        }
        return new FlowContext(this);
    }
}
