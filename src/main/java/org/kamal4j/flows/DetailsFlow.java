package org.kamal4j.flows;

import org.kamal4j.commands.AccessoryCommands;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.config.Accessory;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;

/** {@code kamal:details} (read-only): the app's containers per selected (host, role), then each accessory's. */
public final class DetailsFlow {

    private final FlowContext ctx;

    public DetailsFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws MultiHostException, InterruptedException {
        DeployConfig config = ctx.config();
        ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String role : ctx.selection().roleNamesOn(host)) {
                String out = s.run(new AppCommands(config, config.role(role)).details());
                ctx.output().info(host, "App " + role + ":");
                ctx.output().lines(host, out);
            }
        });
        for (Accessory a : config.accessories().values()) {
            AccessoryCommands commands = new AccessoryCommands(config, a);
            ctx.runner().runEach(a.hosts().stream().filter(ctx.selection().hosts()::contains).toList(), h -> h,
                    host -> {
                        String out = ctx.transport().session(host).run(commands.details());
                        ctx.output().info(host, "Accessory " + a.name() + ":");
                        ctx.output().lines(host, out);
                    });
        }
    }
}
