package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Starts the existing kamal-proxy container on the proxy hosts, under the lock ({@code kamal proxy start}). */
@Mojo(name = "proxy-start", requiresProject = false, threadSafe = true)
public class ProxyStartMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).start();
    }
}
