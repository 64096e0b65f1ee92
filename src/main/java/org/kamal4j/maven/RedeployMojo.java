package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.Flow;

/** Deploys without setting anything up or pruning ({@code kamal redeploy}). */
@Mojo(name = "redeploy", requiresProject = false, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RedeployMojo extends AbstractDeployMojo {


    @Override
    protected Flow flow() {
        return ctx -> DeployFlow.redeploy(ctx).rollout(rolloutOptions()).plan(rolloutPlan()).run(skipPush);
    }
}
