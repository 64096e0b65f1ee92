package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.ProxyFlows;
import org.kamal4j.runner.MultiHostException;

/** Ends maintenance mode: kamal-proxy routes to the app again ({@code kamal app live}). */
@Mojo(name = "app-live", requiresProject = false, threadSafe = true)
public class AppLiveMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlows(ctx).live();
    }
}
