package org.kamal4j.flows.steps;

import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.commands.ServerCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.ProxyRun;
import org.kamal4j.config.Role;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.context.Selection;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * Makes sure kamal-proxy runs on every selected host of a proxy role (4.10 {@code proxy boot}, step 5 of deploy):
 * the {@code kamal} network on every selected host, then on the proxy hosts the registry login, the minimum
 * version check, the apps-config directory and {@code docker container start kamal-proxy || <run>}.
 */
public final class ProxyBoot {

    private final FlowContext ctx;
    private final ProxyCommands proxy;

    public ProxyBoot(FlowContext ctx) {
        this.ctx = ctx;
        this.proxy = new ProxyCommands(ctx.config());
    }

    /** The selected hosts that carry a selected role running kamal-proxy, in selection order. */
    public static List<String> hosts(Selection selection) {
        return selection.hosts().stream().filter(h -> selection.roleNamesOn(h).stream()
                .anyMatch(r -> selection.config().role(r).runsProxy())).toList();
    }

    /**
     * Boots (or starts) the proxy on every proxy host; prints Kamal's milestone first. Does nothing when no selected
     * role runs the proxy: the pull has already made the network on the app hosts.
     */
    public void run() throws MultiHostException, InterruptedException {
        List<String> proxyHosts = hosts(ctx.selection());
        if (proxyHosts.isEmpty()) {
            return;
        }
        ctx.output().info("Ensure kamal-proxy is running...");
        Command network = ServerCommands.ensureKamalNetwork();
        ctx.runner().runEach(ctx.selection().hosts(), h -> h, h -> ctx.transport().session(h).run(network));
        ctx.runner().runEach(proxyHosts, h -> h, this::boot);
    }

    private void boot(String host) throws TransportException, FlowException {
        Session s = ctx.transport().session(host);
        login(s);
        String running = s.tryRun(proxy.version());
        if (running != null && ProxyVersion.older(running.strip(), ProxyRun.MINIMUM_VERSION)) {
            throw new FlowException("kamal-proxy version " + running.strip() + " is too old, run `kamal proxy "
                    + "reboot` in order to update to at least " + ProxyRun.MINIMUM_VERSION
                    + " (mvn kamal:proxy-reboot -Dkamal.confirmed=true)");
        }
        s.run(proxy.ensureAppsConfigDirectory());
        s.run(proxy.start().or(runCommand(host)));
    }

    /** Logs in to the app registry (the proxy image may live there), unless it is a local registry. */
    public void login(Session s) throws TransportException {
        DeployConfig config = ctx.config();
        if (!config.registry().local()) {
            s.run(new RegistryCommands(config.registry(), config.secrets()).login());
        }
    }

    /** Kamal's run command for {@code host}: {@code proxy.run} of a proxy role there, else the legacy form. */
    public Command runCommand(String host) {
        ProxyRun run = runOn(ctx.config(), host);
        return run == null ? proxy.legacyRun() : proxy.run(run);
    }

    /** The {@code proxy.run} of the first proxy role on {@code host} that has one (validation made them equal). */
    static ProxyRun runOn(DeployConfig config, String host) {
        for (Role r : config.rolesOn(host)) {
            if (r.runsProxy() && r.proxy().run() != null) {
                return r.proxy().run();
            }
        }
        return null;
    }
}
