package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppQueryFlows;

/** Lists every container of the app on each selected host, all roles ({@code kamal app containers}). */
@Mojo(name = "app-containers", requiresProject = false, threadSafe = true)
public class AppContainersMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new AppQueryFlows(ctx).containers();
    }
}
