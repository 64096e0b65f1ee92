package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AppLogsFlow;
import org.kamal4j.flows.Flow;

/** Shows (or follows) the logs of the current app containers ({@code kamal app logs}). */
@Mojo(name = "app-logs", requiresProject = false, threadSafe = true)
public class AppLogsMojo extends AbstractLogsMojo {

    /** Read this container's logs instead of the current one's ({@code --container-id}). */
    @Parameter(property = "kamal.containerId")
    protected String containerId;


    @Override
    protected Flow flow() {
        return ctx -> new AppLogsFlow(ctx).run(logOptions(), containerId);
    }
}
