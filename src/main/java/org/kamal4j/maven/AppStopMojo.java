package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppStartStop;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Takes the app out of kamal-proxy and stops its current containers ({@code kamal app stop}). */
@Mojo(name = "app-stop", requiresProject = false, threadSafe = true)
public class AppStopMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new AppStartStop(ctx).stop();
    }
}
