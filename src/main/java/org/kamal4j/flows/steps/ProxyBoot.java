package org.kamal4j.flows.steps;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Makes sure kamal-proxy runs on every selected host of a proxy role ({@code kamal proxy boot}, and a step of every
 * deploy): the {@code kamal} network on every selected host, then on the proxy hosts the registry login, the
 * minimum version check, the apps-config directory and {@code docker container start kamal-proxy || <run>}.
 */
public final class ProxyBoot {

    /** The line before the proxy's version in the output of the first combined command (login prints too). */
    public static final String VERSION_MARK = "@@kamal-proxy-version";

    private final FlowContext ctx;
    private final ProxyCommands proxy;
    private final Set<String> pulled = new HashSet<>();

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
     * role runs the proxy: the pull has already made the network on the app hosts. Kamal's five commands per proxy
     * host (network, login, version, apps directory, start or run) are two here ({@link Command#steps}: a failure
     * still names its step), the network alone one on the other hosts (none after this flow's pull,
     * {@link #pulledOn}).
     */
    public void run() throws MultiHostException, InterruptedException {
        List<String> proxyHosts = hosts(ctx.selection());
        if (proxyHosts.isEmpty()) {
            return;
        }
        ctx.output().info("Ensure kamal-proxy is running...");
        Command network = ServerCommands.ensureKamalNetwork().step("kamal network");
        List<String> hosts = ctx.selection().hosts().stream()
                .filter(h -> proxyHosts.contains(h) || !pulled.contains(h)).toList();
        ctx.on(hosts, (h, s) -> {
            if (proxyHosts.contains(h)) {
                boot(h, s, network);
            } else {
                s.run(network);
            }
        });
    }

    /**
     * {@code hosts} ran this flow's pull, which logged in and made the network there just before: the proxy boot
     * sends them neither again (the same commands with the same result, one round trip less on the other hosts).
     */
    public ProxyBoot pulledOn(Collection<String> hosts) {
        pulled.addAll(hosts);
        return this;
    }

    private void boot(String host, Session s, Command network) throws TransportException, FlowException {
        List<Command> first = new ArrayList<>();
        DeployConfig config = ctx.config();
        if (!pulled.contains(host)) {
            first.add(network);
        }
        if (!config.registry().local() && !pulled.contains(host)) {
            first.add(new RegistryCommands(config.registry(), config.secrets()).login().step("registry login"));
        }
        first.add(Command.of("echo", VERSION_MARK).and(proxy.version().tolerated())
                .step("kamal-proxy version"));
        String out = s.run(Command.steps(first));
        int mark = out.lastIndexOf(VERSION_MARK);
        String running = mark < 0 ? "" : out.substring(mark + VERSION_MARK.length()).strip();
        if (ProxyVersion.older(running, ProxyRun.MINIMUM_VERSION)) {
            throw new FlowException("kamal-proxy version " + running + " is too old, run `kamal proxy "
                    + "reboot` in order to update to at least " + ProxyRun.MINIMUM_VERSION
                    + " (mvn kamal:proxy-reboot -Dkamal.confirmed=true)");
        }
        s.run(Command.steps(List.of(proxy.ensureAppsConfigDirectory().step("kamal-proxy apps directory"),
                proxy.start().or(runCommand(host)).step("kamal-proxy start"))));
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
