package org.kamal4j.flows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.ProxyBoot;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * {@code kamal:proxy-reboot}: under the lock, per group of proxy hosts (all at once, or one host at a time
 * when rolling) the {@code pre-proxy-reboot} hook, then per host the audit, registry login, stop, prune, apps-config
 * directory and a fresh {@code docker run}, then {@code post-proxy-reboot}. Routes survive in the proxy's named
 * volume. When rolling, the next host waits until the new proxy answers, so one host always serves.
 */
public final class ProxyRebootFlow {

    private final FlowContext ctx;
    private final ProxyCommands proxy;

    public ProxyRebootFlow(FlowContext ctx) {
        this.ctx = ctx;
        this.proxy = new ProxyCommands(ctx.config());
    }

    /** Reboots the proxy on every selected proxy host; the caller must have confirmed. */
    public void run(boolean rolling) throws FlowException, MultiHostException, InterruptedException {
        List<String> hosts = ProxyBoot.hosts(ctx.selection());
        List<List<String>> groups = rolling ? hosts.stream().map(List::of).toList() : List.of(hosts);
        new ProxyFlow(ctx).locked(() -> {
            for (List<String> group : groups) {
                ctx.hook("pre-proxy-reboot", ctx.config().version(), group, Map.of());
                ctx.on(group, (host, s) -> reboot(host, s, rolling));
                ctx.hook("post-proxy-reboot", ctx.config().version(), group, Map.of());
            }
        });
    }

    private void reboot(String host, Session s, boolean awaitAnswer) throws TransportException, FlowException,
            InterruptedException {
        ctx.output().info(host, "Rebooting kamal-proxy on " + host + "...");
        ProxyBoot boot = new ProxyBoot(ctx);
        s.run(ctx.audit(ctx.config()).record("Rebooted proxy", null));
        boot.login(s);
        s.tryRun(proxy.stopContainer());
        s.run(proxy.pruneContainers());
        s.run(proxy.ensureAppsConfigDirectory());
        s.run(boot.runCommand(host));
        if (awaitAnswer && !ctx.dryRun()) {
            awaitAnswer(s, host);
        }
    }

    /** Polls {@code kamal-proxy list} until the new proxy answers, at most {@code deploy_timeout} seconds. */
    private void awaitAnswer(Session s, String host) throws TransportException, FlowException,
            InterruptedException {
        int timeout = ctx.config().timeouts().deploy();
        Instant deadline = ctx.clock().instant().plusSeconds(timeout);
        while (s.tryRun(proxy.list()) == null) {
            if (!ctx.clock().instant().isBefore(deadline)) {
                throw new FlowException("kamal-proxy on " + host + " did not answer within " + timeout
                        + " seconds after the reboot; the other hosts were not rebooted. Check "
                        + "`mvn kamal:proxy-logs -Dkamal.hosts=" + host + "`");
            }
            ctx.sleeper().sleep(Duration.ofSeconds(1));
        }
        ctx.output().info(host, "kamal-proxy answers again on " + host);
    }
}
