package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ProxyFlow;

/** Shows (or follows) kamal-proxy's logs on the proxy hosts ({@code kamal proxy logs}). */
@Mojo(name = "proxy-logs", requiresProject = false, threadSafe = true)
public class ProxyLogsMojo extends AbstractLogsMojo {


    @Override
    protected Flow flow() {
        return ctx -> new ProxyFlow(ctx).logs(logOptions());
    }
}
