package org.kamal4j.flows.steps;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.kamal4j.FlowException;
import org.kamal4j.commands.ServerCommands;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.runner.MultiHostException;
import org.kamal4j.ssh.Session;
import org.kamal4j.ssh.TransportException;

/**
 * Makes sure Docker is installed on every selected host (4.2 step 3): {@code docker -v}; where it is missing,
 * Docker's install script when the user is root or may sudo, otherwise one error naming every such host.
 */
public final class DockerBootstrap {

    private final FlowContext ctx;

    public DockerBootstrap(FlowContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws FlowException, MultiHostException, InterruptedException {
        ctx.output().info("Ensure Docker is installed...");
        List<String> missing = new CopyOnWriteArrayList<>();
        ctx.runner().runEach(ctx.selection().hosts(), h -> h, host -> {
            if (!ensure(ctx.transport().session(host), host)) {
                missing.add(host);
            }
        });
        if (!missing.isEmpty()) {
            List<String> ordered = ctx.selection().hosts().stream().filter(missing::contains).toList();
            throw new FlowException("Docker is not installed on " + String.join(", ", ordered) + " and can't be "
                    + "automatically installed without having root access and either `wget` or `curl`. "
                    + "Install Docker manually: https://docs.docker.com/engine/install/");
        }
    }

    /** False when Docker is missing and cannot be installed on this host. */
    private boolean ensure(Session s, String host) throws TransportException {
        if (s.exec(ServerCommands.dockerVersion()).ok()) {
            return true;
        }
        if (!s.exec(ServerCommands.rootOrPasswordlessSudo()).ok()) {
            return false;
        }
        ctx.output().info(host, "Missing Docker on " + host + ". Installing…");
        s.run(ServerCommands.installDocker());
        if (!s.exec(ServerCommands.canUseDocker()).ok()) {
            s.run(ServerCommands.addToDockerGroup());
            try {
                s.exec(ServerCommands.refreshSession());
            } catch (TransportException e) {
                ctx.output().info(host, "Session refreshed due to group change.");
            }
        }
        return true;
    }
}
