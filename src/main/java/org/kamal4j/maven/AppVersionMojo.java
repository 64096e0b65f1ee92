package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.runner.MultiHostException;

/** Prints the running app version on each selected host ({@code kamal app version}). */
@Mojo(name = "app-version", requiresProject = false, threadSafe = true)
public class AppVersionMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws MultiHostException, InterruptedException {
        new AppQueryFlows(ctx).version();
    }
}
