package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppManageFlows;
import org.kamal4j.flows.AppQueryFlows;

/** Reports (or with {@code kamal.stop} stops) running app containers other than the current one. */
@Mojo(name = "app-stale-containers", requiresProject = false, threadSafe = true)
public class AppStaleContainersMojo extends AbstractAppMojo {

    /** Stop the stale containers (under the deploy lock) instead of reporting them ({@code --stop}). */
    @Parameter(property = "kamal.stop", defaultValue = "false")
    protected boolean stop;

    @Override
    protected Flow flow() {
        return ctx -> {
            if (stop) {
                new AppManageFlows(ctx).stopStaleContainers();
            } else {
                new AppQueryFlows(ctx).staleContainers();
            }
        };
    }
}
