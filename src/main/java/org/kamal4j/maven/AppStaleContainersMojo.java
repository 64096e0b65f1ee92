package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AppManageFlows;
import org.kamal4j.flows.AppQueryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Reports (or with {@code kamal.stop} stops) running app containers other than the current one. */
@Mojo(name = "app-stale-containers", requiresProject = false, threadSafe = true)
public class AppStaleContainersMojo extends AbstractFlowMojo {

    /** Stop the stale containers (under the deploy lock) instead of reporting them ({@code --stop}). */
    @Parameter(property = "kamal.stop", defaultValue = "false")
    protected boolean stop;

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        if (stop) {
            new AppManageFlows(ctx).stopStaleContainers();
        } else {
            new AppQueryFlows(ctx).staleContainers();
        }
    }
}
