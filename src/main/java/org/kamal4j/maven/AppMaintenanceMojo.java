package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Puts the proxy roles into maintenance mode: kamal-proxy answers 503 ({@code kamal app maintenance}). */
@Mojo(name = "app-maintenance", requiresProject = false, threadSafe = true)
public class AppMaintenanceMojo extends AbstractAppMojo {

    /** Seconds to let running requests finish; default drain_timeout ({@code --drain-timeout}). */
    @Parameter(property = "kamal.drainTimeout")
    protected Integer drainTimeout;

    /** Message shown on the 503 page ({@code --message}). */
    @Parameter(property = "kamal.message")
    protected String message;

    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).maintenance(drainTimeout, message);
    }
}
