package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppQueryFlows;

/** Prints the running app version on each selected host ({@code kamal app version}). */
@Mojo(name = "app-version", requiresProject = false, threadSafe = true)
public class AppVersionMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new AppQueryFlows(ctx).version();
    }
}
