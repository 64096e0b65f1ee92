package org.kamal4j.flows.steps;

import java.util.ArrayList;
import java.util.List;
import org.kamal4j.FlowException;
import org.kamal4j.commands.AppCommands;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ProxyCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Role;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.CommandFailedException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * Readiness of a new container of a proxy role: look up its id and ask kamal-proxy to deploy
 * it, which returns once the proxy has health-checked the target and switched traffic to it.
 */
public final class ProxyReadiness {

    /** The step name of the switch ({@code kamal-proxy deploy}). */
    static final String SWITCH = "kamal-proxy deploy";

    private final FlowContext ctx;
    private final DeployConfig config;

    public ProxyReadiness(FlowContext ctx, DeployConfig config) {
        this.ctx = ctx;
        this.config = config;
    }

    /** Switches the role's route on {@code host} to the container of {@code config.version()}. */
    public void await(Session s, Role role, AppCommands app, String host) throws FlowException, TransportException {
        await(s, role, app, host, List.of());
    }

    /**
     * Runs {@code before} (the steps that start the container) and the switch as one command ({@link Command#steps}:
     * a failure before the switch is reported as that step's failure), then switches as the method above.
     */
    public void await(Session s, Role role, AppCommands app, String host, List<Command> before) throws FlowException,
            TransportException {
        await(s, role, app, host, before, List.of());
    }

    /**
     * As the method above, and runs {@code after} (steps whose failure is ignored, e.g. stopping the old container)
     * in the same command once the proxy switched: the switch fails the command when the new container is not
     * healthy, so they run only after a successful switch.
     */
    public void await(Session s, Role role, AppCommands app, String host, List<Command> before, List<Command> after)
            throws FlowException, TransportException {
        ProxyCommands proxy = new ProxyCommands(config);
        List<Command> steps = new ArrayList<>(before);
        steps.add(proxy.deployContainerOf(role, host, app.containerIdForVersion(config.version())).step(SWITCH));
        steps.addAll(after);
        try {
            s.run(Command.steps(steps));
        } catch (CommandFailedException e) {
            if (!SWITCH.equals(e.step())) {
                throw e;
            }
            String why = e.stderr().strip();
            if (why.isEmpty()) {
                why = e.result().stdout().strip();
            }
            if (why.startsWith("Failed to get endpoint")) {
                throw new FlowException(why, e);
            }
            throw new FlowException("kamal-proxy on " + host + " did not switch " + role.name() + " to "
                    + app.containerName(config.version()) + " within deploy_timeout " + config.timeouts().deploy()
                    + "s: " + (why.isEmpty() ? "exit status " + e.result().exitStatus() : why)
                    + "; the old container keeps serving. Check the new container's health check path ("
                    + healthPath(role) + ") and its logs", e);
        }
        ctx.output().info(host, "kamal-proxy switched " + role.name() + " to " + app.containerName(config.version()));
    }

    private static String healthPath(Role role) {
        String path = role.proxy().healthcheckPath();
        return path == null ? "/up" : path;
    }
}
