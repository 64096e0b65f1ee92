package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.Flow;

/** Deploys without setting anything up or pruning ({@code kamal redeploy}). */
@Mojo(name = "redeploy", requiresProject = false, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RedeployMojo extends AbstractFlowMojo {

    /** Deploy the image already in the registry instead of building and pushing it ({@code -P}). */
    @Parameter(property = "kamal.skipPush", defaultValue = "false")
    protected boolean skipPush;

    @Override
    protected String commandName() {
        return "redeploy";
    }

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected Flow flow() {
        return ctx -> DeployFlow.redeploy(ctx).run(skipPush);
    }
}
