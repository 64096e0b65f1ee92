package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Ends maintenance mode: kamal-proxy routes to the app again ({@code kamal app live}). */
@Mojo(name = "app-live", requiresProject = false, threadSafe = true)
public class AppLiveMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).live();
    }
}
