package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Restarts (stop, then start) the kamal-proxy container on the proxy hosts, under one lock ({@code kamal proxy restart}). */
@Mojo(name = "proxy-restart", requiresProject = false, threadSafe = true)
public class ProxyRestartMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).restart();
    }
}
