package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppQueryFlows;

/** Lists the app's images on each selected host ({@code kamal app images}). */
@Mojo(name = "app-images", requiresProject = false, threadSafe = true)
public class AppImagesMojo extends AbstractAppMojo {

    @Override
    protected Flow flow() {
        return ctx -> new AppQueryFlows(ctx).images();
    }
}
