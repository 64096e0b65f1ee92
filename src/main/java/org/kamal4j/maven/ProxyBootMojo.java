package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.ProxyFlows;
import org.kamal4j.runner.MultiHostException;

/** Starts kamal-proxy on the proxy hosts, creating it if missing ({@code kamal proxy boot}). */
@Mojo(name = "proxy-boot", requiresProject = false, threadSafe = true)
public class ProxyBootMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "proxy";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlows(ctx).boot();
    }
}
