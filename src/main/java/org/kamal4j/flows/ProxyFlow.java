package org.kamal4j.flows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.flows.steps.LogFollow;
import org.kamal4j.flows.steps.ProxyBoot;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The kamal-proxy goals and the proxy side of the app goals: {@code proxy-boot}, {@code proxy-details},
 * {@code proxy-logs}, {@code proxy-remove}, {@code app-maintenance} and {@code app-live}. The reboot is
 * {@link ProxyRebootFlow}.
 */
public final class ProxyFlow {

    private final FlowContext ctx;
    private final ProxyCommands proxy;

    public ProxyFlow(FlowContext ctx) {
        this.ctx = ctx;
        this.proxy = new ProxyCommands(ctx.config());
    }

    /** {@code kamal:proxy-boot}: {@link ProxyBoot} under the deploy lock. */
    public void boot() throws FlowException, MultiHostException, InterruptedException {
        locked(() -> new ProxyBoot(ctx).run());
    }

    /** {@code kamal:proxy-details} (read-only): {@code docker ps} of the proxy container per proxy host. */
    public void details() throws MultiHostException, InterruptedException {
        ctx.on(ProxyBoot.hosts(ctx.selection()), (host, s) -> {
            String out = s.run(proxy.details());
            ctx.output().info(host, "Proxy Host: " + host);
            ctx.output().lines(host, out);
        });
    }

    /** {@code kamal:proxy-logs} (read-only); {@code lines} null means 100 unless {@code since}/{@code grep}. */
    public void logs(Integer lines, String since, String grep) throws MultiHostException, InterruptedException,
            FlowException {
        logs(LogOptions.of(lines, since, grep, null, true, false));
    }

    /** {@code kamal:proxy-logs}: the last lines per proxy host, or with {@code follow} every proxy host streamed. */
    public void logs(LogOptions options) throws MultiHostException, InterruptedException, FlowException {
        Command logs = proxy.logs(options);
        if (options.follow()) {
            Map<String, Command> streams = new LinkedHashMap<>();
            ProxyBoot.hosts(ctx.selection()).forEach(h -> streams.put(h, logs));
            new LogFollow(ctx).run(streams);
            return;
        }
        ctx.on(ProxyBoot.hosts(ctx.selection()), (host, s) -> {
            String out = s.tryRun(logs);
            ctx.output().info(host, "Proxy Host: " + host);
            ctx.output().lines(host, out == null ? "Nothing found" : out);
        });
    }

    /** {@code kamal:proxy-start} under the lock: starts the existing proxy container on every proxy host. */
    public void start() throws FlowException, MultiHostException, InterruptedException {
        locked(this::startContainers);
    }

    /** {@code kamal:proxy-stop} under the lock: stops the proxy container (one already stopped is no failure). */
    public void stop() throws FlowException, MultiHostException, InterruptedException {
        locked(this::stopContainers);
    }

    /** {@code kamal:proxy-restart}: stop, then start, under one lock, as Kamal does. */
    public void restart() throws FlowException, MultiHostException, InterruptedException {
        locked(() -> {
            stopContainers();
            startContainers();
        });
    }

    private void startContainers() throws MultiHostException, InterruptedException {
        AuditCommands audit = ctx.audit(ctx.config());
        ctx.on(ProxyBoot.hosts(ctx.selection()), (host, s) -> {
            s.run(audit.record("Started proxy", null));
            s.run(proxy.start());
        });
    }

    private void stopContainers() throws MultiHostException, InterruptedException {
        AuditCommands audit = ctx.audit(ctx.config());
        ctx.on(ProxyBoot.hosts(ctx.selection()), (host, s) -> {
            s.run(audit.record("Stopped proxy", null));
            s.tryRun(proxy.stopContainer());
        });
    }

    /** {@code kamal:proxy-remove} under the lock: {@link #removeProxy} on the proxy hosts. */
    public void remove(boolean force) throws FlowException, MultiHostException, InterruptedException {
        locked(() -> removeProxy(force));
    }

    /**
     * Unless {@code force}, does nothing when any proxy host still has app directories; otherwise
     * stops and prunes the proxy container and image and removes {@code .kamal/proxy}. The caller holds the lock.
     */
    public void removeProxy(boolean force) throws MultiHostException, InterruptedException {
        List<String> hosts = ProxyBoot.hosts(ctx.selection());
        if (force) {
            ctx.output().info("Forcing, so removing the proxy, even though other apps are installed");
        } else if (otherAppsInstalled(hosts)) {
            ctx.output().info("Not removing the proxy, as other apps are installed, ignore this check with "
                    + "mvn kamal:proxy-remove -Dkamal.force=true");
            return;
        }
        AuditCommands audit = ctx.audit(ctx.config());
        ctx.on(hosts, (host, s) -> {
            s.run(audit.record("Stopped proxy", null));
            s.tryRun(proxy.stopContainer());
            s.run(audit.record("Removed proxy container", null).and(proxy.pruneContainers()));
            s.run(audit.record("Removed proxy image", null).and(proxy.pruneImages()));
            s.tryRun(proxy.removeProxyDirectory());
        });
    }

    private boolean otherAppsInstalled(List<String> hosts) throws MultiHostException, InterruptedException {
        List<String> counts = ctx.collect(hosts, (host, s) -> {
            String n = s.tryRun(proxy.appsCount());
            return n == null ? "0" : n.strip();
        });
        return counts.stream().anyMatch(n -> !n.equals("0") && !n.isEmpty());
    }

    /**
     * {@code kamal:app-maintenance}: kamal-proxy answers 503 (with {@code message}) for every selected proxy role;
     * {@code drainTimeout} null means the configured {@code drain_timeout}.
     */
    public void maintenance(Integer drainTimeout, String message) throws FlowException, MultiHostException,
            InterruptedException {
        int drain = drainTimeout == null ? ctx.config().timeouts().drain() : drainTimeout;
        locked(() -> eachProxyRole(service -> proxy.stop(service, drain, message)));
    }

    /** {@code kamal:app-live}: kamal-proxy routes to the app again after maintenance. */
    public void live() throws FlowException, MultiHostException, InterruptedException {
        locked(() -> eachProxyRole(proxy::resume));
    }

    private void eachProxyRole(Function<String, Command> command) throws MultiHostException,
            InterruptedException {
        DeployConfig config = ctx.config();
        ctx.on(ProxyBoot.hosts(ctx.selection()), (host, s) -> {
            for (String role : ctx.selection().roleNamesOn(host)) {
                if (config.role(role).runsProxy()) {
                    s.run(command.apply(config.containerPrefix(role)));
                }
            }
        });
    }

    /** Removes a proxy role's route on {@code s} when a current container exists (app stop and remove). */
    static void removeRoute(Session s, DeployConfig config, String role) throws TransportException {
        AppCommands app = new AppCommands(config, config.role(role));
        // Kamal asks for the version first (its audit names it); the answer changes nothing here.
        s.tryRun(app.currentRunningVersion());
        String id = s.tryRun(app.currentRunningContainerId());
        if (id != null && !id.isBlank()) {
            s.tryRun(new ProxyCommands(config).remove(config.containerPrefix(role)));
        }
    }

    /** Something to do on the hosts while the lock is held. */
    interface Step {
        void run() throws FlowException, MultiHostException, InterruptedException;
    }

    /** Runs {@code step} under the deploy lock (or the caller's, with {@code KAMAL_LOCK=true}). */
    void locked(Step step) throws FlowException, MultiHostException, InterruptedException {
        DeployLock lock = new DeployLock(ctx);
        String version = ctx.config().version() == null ? "" : ctx.config().version();
        lock.acquire(LockCommands.AUTOMATIC_MESSAGE, version);
        try {
            step.run();
        } finally {
            lock.release();
        }
    }
}
