package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Starts kamal-proxy on the proxy hosts, creating it if missing ({@code kamal proxy boot}). */
@Mojo(name = "proxy-boot", requiresProject = false, threadSafe = true)
public class ProxyBootMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).boot();
    }
}
