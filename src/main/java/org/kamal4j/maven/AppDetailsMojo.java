package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppQueryFlows;

/** Shows {@code docker ps} of the app's roles on each selected host ({@code kamal app details}). */
@Mojo(name = "app-details", requiresProject = false, threadSafe = true)
public class AppDetailsMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new AppQueryFlows(ctx).details();
    }
}
