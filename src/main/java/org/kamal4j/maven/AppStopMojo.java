package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.AppStartStopFlow;
import org.kamal4j.flows.Flow;

/** Takes the app out of kamal-proxy and stops its current containers ({@code kamal app stop}). */
@Mojo(name = "app-stop", requiresProject = false, threadSafe = true)
public class AppStopMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new AppStartStopFlow(ctx).stop();
    }
}
