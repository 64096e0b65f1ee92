package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Removes the kamal-proxy container, image and directory from the proxy hosts ({@code kamal proxy remove}). */
@Mojo(name = "proxy-remove", requiresProject = false, threadSafe = true)
public class ProxyRemoveMojo extends AbstractFlowMojo {

    /** Remove the proxy even though other apps are installed on the host ({@code --force}). */
    @Parameter(property = "kamal.force", defaultValue = "false")
    protected boolean force;

    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).remove(force);
    }
}
