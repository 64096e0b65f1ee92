package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.RemoveFlow;

/** Removes the app's containers, images and app directory from the selected hosts ({@code kamal app remove}). */
@Mojo(name = "app-remove", requiresProject = false, threadSafe = true)
public class AppRemoveMojo extends AbstractAppMojo {

    /** Must be true: removing is destructive and Maven cannot ask ({@code -y}). */
    @Parameter(property = "kamal.confirmed", defaultValue = "false")
    protected boolean confirmed;

    @Override
    protected Flow flow() throws MojoFailureException {
        if (!confirmed) {
            throw new MojoFailureException("kamal:app-remove removes the app's containers, images and "
                    + ".kamal/apps directory; confirm with -Dkamal.confirmed=true");
        }
        return ctx -> new RemoveFlow(ctx).runAppOnly();
    }
}
