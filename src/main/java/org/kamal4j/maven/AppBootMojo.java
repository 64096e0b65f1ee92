package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.AppManageFlows;

/** Boots the version on the selected hosts without building or pulling first ({@code kamal app boot}). */
@Mojo(name = "app-boot", requiresProject = false, threadSafe = true)
public class AppBootMojo extends AbstractAppMojo {

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected Flow flow() {
        return ctx -> new AppManageFlows(ctx).boot();
    }
}
