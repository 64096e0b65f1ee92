package org.kamal4j.flows;

import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;

/**
 * {@code kamal:app-logs} (read-only, 4.8): the current container's logs per selected (host, role), printed under
 * the host; {@code Nothing found} where the command fails.
 */
public final class AppLogsFlow {

    private final FlowContext ctx;

    public AppLogsFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * @param lines null for Kamal's default (100 unless {@code since} or {@code grep} is given)
     * @param since docker's {@code --since} value, or null
     * @param grep  a grep pattern, or null
     */
    public void run(Integer lines, String since, String grep) throws MultiHostException, InterruptedException {
        Integer tail = lines != null ? lines : since == null && grep == null ? Integer.valueOf(100) : null;
        LogOptions options = new LogOptions(since, tail, grep, null, true);
        DeployConfig config = ctx.config();
        ctx.runner().runEach(ctx.selection().appHosts(), h -> h, host -> {
            Session s = ctx.transport().session(host);
            for (String role : ctx.selection().roleNamesOn(host)) {
                String out = s.tryRun(new AppCommands(config, config.role(role)).logsCurrent(options));
                ctx.output().info(host, "App Host: " + host + " (" + role + ")");
                ctx.output().lines(host, out == null ? "Nothing found" : out);
            }
        });
    }
}
