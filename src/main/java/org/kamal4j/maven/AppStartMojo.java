package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppStartStopFlow;
import org.kamal4j.flows.Flow;

/** Starts the version's existing app containers and routes kamal-proxy to them ({@code kamal app start}). */
@Mojo(name = "app-start", requiresProject = false, threadSafe = true)
public class AppStartMojo extends AbstractAppMojo {

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected Flow flow() {
        return ctx -> new AppStartStopFlow(ctx).start();
    }
}
