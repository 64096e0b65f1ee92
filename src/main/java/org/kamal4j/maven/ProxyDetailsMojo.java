package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.ProxyFlows;
import org.kamal4j.runner.MultiHostException;

/** Shows the kamal-proxy container of each proxy host ({@code kamal proxy details}). */
@Mojo(name = "proxy-details", requiresProject = false, threadSafe = true)
public class ProxyDetailsMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "proxy";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws MultiHostException, InterruptedException {
        new ProxyFlows(ctx).details();
    }
}
