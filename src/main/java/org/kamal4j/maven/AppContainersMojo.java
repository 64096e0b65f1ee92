package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.runner.MultiHostException;

/** Lists every container of the app on each selected host, all roles ({@code kamal app containers}). */
@Mojo(name = "app-containers", requiresProject = false, threadSafe = true)
public class AppContainersMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws MultiHostException, InterruptedException {
        new AppQueryFlows(ctx).containers();
    }
}
