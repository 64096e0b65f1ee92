package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Shows the kamal-proxy container of each proxy host ({@code kamal proxy details}). */
@Mojo(name = "proxy-details", requiresProject = false, threadSafe = true)
public class ProxyDetailsMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).details();
    }
}
