package org.kamal4j.flows;

import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.ProxyReadiness;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;

/**
 * {@code kamal:app-start} and {@code kamal:app-stop} (4.8), under the lock on every selected (app host, role): start
 * the version's existing container and, for proxy roles, route kamal-proxy to it; or take the route away and stop
 * the current container. Roles on one host run one after the other.
 */
public final class AppStartStopFlow {

    private final FlowContext ctx;

    public AppStartStopFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Starts the configured version's container; a proxy role's route is switched to it. */
    public void start() throws FlowException, MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        AuditCommands audit = ctx.audit(config);
        new ProxyFlow(ctx).locked(() -> ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String name : ctx.selection().roleNamesOn(host)) {
                Role role = config.role(name);
                AppCommands app = new AppCommands(config, role);
                s.run(audit.record("Started app version " + config.version(), name));
                s.tryRun(app.start(config.version()));
                if (role.runsProxy()) {
                    new ProxyReadiness(ctx, config).await(s, role, app, host);
                }
            }
        }));
    }

    /** Stops the current container; a proxy role's route is removed first. */
    public void stop() throws FlowException, MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        AuditCommands audit = ctx.audit(config);
        new ProxyFlow(ctx).locked(() -> ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String name : ctx.selection().roleNamesOn(host)) {
                s.run(audit.record("Stopped app", name));
                if (config.role(name).runsProxy()) {
                    ProxyFlow.removeRoute(s, config, name);
                }
                s.tryRun(new AppCommands(config, config.role(name)).stopCurrent());
            }
        }));
    }
}
