package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Stops the existing kamal-proxy container on the proxy hosts, under the lock ({@code kamal proxy stop}). */
@Mojo(name = "proxy-stop", requiresProject = false, threadSafe = true)
public class ProxyStopMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).stop();
    }
}
