package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AppLogsFlow;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Shows (or follows) the logs of the current app containers ({@code kamal app logs}). */
@Mojo(name = "app-logs", requiresProject = false, threadSafe = true)
public class AppLogsMojo extends AbstractLogsMojo {

    /** Read this container's logs instead of the current one's ({@code --container-id}). */
    @Parameter(property = "kamal.containerId")
    protected String containerId;

    @Override
    protected String commandName() {
        return "app";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException {
        new AppLogsFlow(ctx).run(logOptions(), containerId);
    }
}
