package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.RemoveFlow;
import org.kamal4j.runner.MultiHostException;

/** Removes the app containers, images, accessories and registry login from the hosts ({@code kamal remove}). */
@Mojo(name = "remove", requiresProject = false, threadSafe = true)
public class RemoveMojo extends AbstractFlowMojo {

    /** Must be true: removing is destructive and Maven cannot ask ({@code -y}). */
    @Parameter(property = "kamal.confirmed", defaultValue = "false")
    protected boolean confirmed;

    @Override
    protected String commandName() {
        return "remove";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        if (!confirmed) {
            throw new MojoFailureException("kamal:remove removes all containers, images and accessory data; "
                    + "confirm with -Dkamal.confirmed=true");
        }
        new RemoveFlow(ctx).run();
    }
}
