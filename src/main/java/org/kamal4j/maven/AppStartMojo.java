package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppStartStop;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Starts the version's existing app containers and routes kamal-proxy to them ({@code kamal app start}). */
@Mojo(name = "app-start", requiresProject = false, threadSafe = true)
public class AppStartMojo extends AbstractFlowMojo {

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
        new AppStartStop(ctx).start();
    }
}
