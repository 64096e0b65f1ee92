package org.kamal4j.flows;

import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AccessoryBoot;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;

/**
 * {@code kamal:remove}: under the lock, stops and removes the app's containers on every selected host (and
 * its images and app directory where all the host's roles go), removes the accessories, then logs out of the
 * registry on every host. The caller must have confirmed.
 */
public final class RemoveFlow {

    private final FlowContext ctx;

    public RemoveFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws FlowException, MultiHostException, InterruptedException {
        AccessoryBoot.requireNoProxy(ctx.config());
        DeployLock lock = new DeployLock(ctx);
        lock.acquire(LockCommands.AUTOMATIC_MESSAGE, ctx.config().version());
        try {
            ctx.output().info("Remove app containers and images...");
            ctx.on(ctx.selection().appHosts(), this::removeApp);
            new ProxyFlow(ctx).removeProxy(false);
            removeAccessories();
            if (!ctx.config().registry().local()) {
                Command logout = new RegistryCommands(ctx.config().registry(), ctx.config().secrets()).logout();
                ctx.on(ctx.selection().hosts(), (h, s) -> s.tryRun(logout));
            }
        } finally {
            lock.release();
        }
    }

    /** {@code kamal:app-remove}: the app part of kamal:remove alone, under the lock (the caller must have confirmed). */
    public void runAppOnly() throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlow(ctx).locked(() -> {
            ctx.output().info("Remove app containers and images...");
            ctx.on(ctx.selection().appHosts(), this::removeApp);
        });
    }

    private void removeApp(String host, Session s) throws Exception {
        DeployConfig config = ctx.config();
        AuditCommands audit = ctx.audit(config);
        List<String> roles = ctx.selection().roleNamesOn(host);
        for (String role : roles) {
            AppCommands app = new AppCommands(config, config.role(role));
            s.run(audit.record("Stopped app", role));
            if (config.role(role).runsProxy()) {
                ProxyFlow.removeRoute(s, config, role);
            }
            s.tryRun(app.stopCurrent());
            s.run(audit.record("Removed all app containers", role).and(app.pruneContainers()));
        }
        if (roles.size() == config.rolesOn(host).size()) {
            AppCommands any = new AppCommands(config, config.role(roles.get(0)));
            s.run(audit.record("Removed all app images", null).and(any.removeImages()));
            s.tryRun(Command.of("rm", "-r", config.appDirectory()));
            s.run(audit.record("Removed " + config.appDirectory(), null));
            s.tryRun(new ProxyCommands(config).removeAppDirectory());
        }
    }

    private void removeAccessories() throws MultiHostException, InterruptedException {
        new AccessoryFlows(ctx).removeUnlocked(List.copyOf(ctx.config().accessories().values()));
    }
}
