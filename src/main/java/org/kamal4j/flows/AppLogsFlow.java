package org.kamal4j.flows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.LogOptions;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.LogFollow;
import org.kamal4j.runner.MultiHostException;

/**
 * {@code kamal:app-logs} (read-only): the current container's logs per selected (host, role), printed under
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
    public void run(Integer lines, String since, String grep) throws MultiHostException, InterruptedException,
            FlowException {
        run(LogOptions.of(lines, since, grep, null, true, false), null);
    }

    /**
     * Prints the logs per (host, role), or with {@code options.follow()} streams the first selected role of every
     * selected host until the goal ends.
     *
     * @param containerId a container id to read instead of the current container ({@code --container-id}), or null
     */
    public void run(LogOptions options, String containerId) throws MultiHostException, InterruptedException,
            FlowException {
        if (containerId != null && !containerId.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new FlowException("Not a container id or name: '" + containerId + "'");
        }
        DeployConfig config = ctx.config();
        if (options.follow()) {
            Map<String, Command> streams = new LinkedHashMap<>();
            for (String host : ctx.selection().appHosts()) {
                String role = ctx.selection().roleNamesOn(host).get(0);
                streams.put(host, new AppCommands(config, config.role(role)).logs(containerId, options));
            }
            new LogFollow(ctx).run(streams);
            return;
        }
        ctx.on(ctx.selection().appHosts(), (host, s) -> {
            for (String role : ctx.selection().roleNamesOn(host)) {
                String out = s.tryRun(new AppCommands(config, config.role(role)).logs(containerId, options));
                ctx.output().info(host, "App Host: " + host + " (" + role + ")");
                ctx.output().lines(host, out == null ? "Nothing found" : out);
            }
        });
    }
}
