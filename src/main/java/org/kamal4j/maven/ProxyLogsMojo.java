package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.ProxyFlows;
import org.kamal4j.runner.MultiHostException;

/** Shows (or follows) kamal-proxy's logs on the proxy hosts ({@code kamal proxy logs}). */
@Mojo(name = "proxy-logs", requiresProject = false, threadSafe = true)
public class ProxyLogsMojo extends AbstractLogsMojo {

    @Override
    protected String commandName() {
        return "proxy";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlows(ctx).logs(logOptions());
    }
}
