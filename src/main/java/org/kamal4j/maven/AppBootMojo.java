package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppManageFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Boots the version on the selected hosts without building or pulling first ({@code kamal app boot}). */
@Mojo(name = "app-boot", requiresProject = false, threadSafe = true)
public class AppBootMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new AppManageFlows(ctx).boot();
    }
}
