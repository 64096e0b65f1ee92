package org.kamal4j.flows;

import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AccessoryCommands;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.AuditCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AccessoryBoot;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;

/**
 * {@code kamal:remove} (4.7): under the lock, stops and removes the app's containers on every selected host (and
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
            ctx.runner().runEach(ctx.selection().appHosts(), h -> h, this::removeApp);
            new ProxyFlow(ctx).removeProxy(false);
            removeAccessories();
            if (!ctx.config().registry().local()) {
                Command logout = new RegistryCommands(ctx.config().registry(), ctx.config().secrets()).logout();
                ctx.runner().runEach(ctx.selection().hosts(), h -> h, h -> ctx.transport().session(h).tryRun(logout));
            }
        } finally {
            lock.release();
        }
    }

    private void removeApp(String host) throws Exception {
        DeployConfig config = ctx.config();
        AuditCommands audit = ctx.audit(config);
        Session s = ctx.transport().session(host);
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
        DeployConfig config = ctx.config();
        for (Accessory a : config.accessories().values()) {
            List<String> hosts = a.hosts().stream().filter(ctx.selection().hosts()::contains).toList();
            if (hosts.isEmpty()) {
                continue;
            }
            ctx.output().info("Remove accessory " + a.name() + "...");
            AccessoryCommands commands = new AccessoryCommands(config, a);
            AuditCommands audit = ctx.audit(config);
            ctx.runner().runEach(hosts, h -> h, host -> {
                Session s = ctx.transport().session(host);
                s.run(audit.record("Stopped " + a.name() + " accessory", null));
                s.tryRun(commands.stop());
                s.run(audit.record("Remove " + a.name() + " accessory container", null).and(commands.removeContainer()));
                s.run(audit.record("Removed " + a.name() + " accessory image", null).and(commands.removeImage()));
                s.run(commands.removeServiceDirectory());
            });
        }
    }
}
