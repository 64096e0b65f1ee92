package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.RemoveFlow;

/** Removes the app containers, images, accessories and registry login from the hosts ({@code kamal remove}). */
@Mojo(name = "remove", requiresProject = false, threadSafe = true)
public class RemoveMojo extends AbstractFlowMojo {

    /** Must be true: removing is destructive and Maven cannot ask ({@code -y}). */
    @Parameter(property = "kamal.confirmed", defaultValue = "false")
    protected boolean confirmed;


    @Override
    protected Flow flow() throws MojoFailureException {
        if (!confirmed) {
            throw new MojoFailureException("kamal:remove removes all containers, images and accessory data; "
                    + "confirm with -Dkamal.confirmed=true");
        }
        return ctx -> new RemoveFlow(ctx).run();
    }
}
