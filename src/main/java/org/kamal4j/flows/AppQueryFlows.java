package org.kamal4j.flows;

import java.util.List;
import java.util.function.Function;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.rollout.PreviousVersion;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * The read-only {@code kamal:app-*} goals of 4.8: containers, images, version, details and the stale-container
 * report, each printed under {@code App Host: <host>} for every selected app host.
 */
public final class AppQueryFlows {

    private final FlowContext ctx;

    public AppQueryFlows(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@code app containers}: every container of the service and destination, all roles, per host; then, per
     * (host, role), the version it runs and the one before it, which {@code kamal:rollback} without a version boots.
     */
    public void containers() throws MultiHostException, InterruptedException {
        perHost(AppCommands::listAllContainers);
        for (PreviousVersion.Found f : new PreviousVersion(ctx).find(ctx.config())) {
            ctx.output().info(f.host(), "Versions: " + f.describe());
        }
    }

    /** {@code app images}: the repository's images per host. */
    public void images() throws MultiHostException, InterruptedException {
        perHost(AppCommands::listImages);
    }

    /** {@code app version}: the running version of the first selected role on each host (blank: none). */
    public void version() throws MultiHostException, InterruptedException {
        perHost(AppCommands::currentRunningVersion);
    }

    /** {@code app details}: {@code docker ps} of each selected role on each host. */
    public void details() throws MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String role : ctx.selection().roleNamesOn(host)) {
                String out = s.run(new AppCommands(config, config.role(role)).details());
                ctx.output().info(host, "App Host: " + host + " (" + role + ")");
                ctx.output().lines(host, out);
            }
        });
    }

    /** {@code app stale_containers} without {@code --stop}: reports running containers other than the current. */
    public void staleContainers() throws MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String role : ctx.selection().roleNamesOn(host)) {
                AppCommands app = new AppCommands(config, config.role(role));
                for (String v : stale(s, app)) {
                    ctx.output().info(host, "Detected stale container for role " + role + " with version " + v
                            + " (use `mvn kamal:app-stale-containers -Dkamal.stop=true` to stop)");
                }
            }
        });
    }

    /** Versions of the running containers of the role other than the current one. */
    static List<String> stale(Session s, AppCommands app) throws TransportException {
        String running = s.run(app.runningVersions());
        String current = s.tryRun(app.currentRunningVersion());
        return DeploySteps.staleVersions(running, current == null ? "" : current.strip());
    }

    /** Runs one command of the first selected role on each app host, output under the host. */
    private void perHost(Function<AppCommands, Command> command) throws MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            String role = ctx.selection().roleNamesOn(host).get(0);
            String out = ctx.transport().session(host).run(command.apply(new AppCommands(config, config.role(role))));
            ctx.output().info(host, "App Host: " + host);
            ctx.output().lines(host, out);
        });
    }
}
