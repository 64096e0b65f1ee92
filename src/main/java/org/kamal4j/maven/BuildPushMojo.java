package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.BuildFlow;

/** Builds the app image and pushes it to the registry, touching no host ({@code kamal build push}). */
@Mojo(name = "build-push", requiresProject = false, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildPushMojo extends AbstractFlowMojo {


    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected boolean reportedByWiring() {
        return false; // no host is reached: a per-host report would say nothing
    }

    @Override
    protected Flow flow() {
        return ctx -> new BuildFlow(ctx).push();
    }
}
