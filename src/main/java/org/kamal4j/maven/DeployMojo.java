package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.kamal4j.flows.DeployFlow;
import org.kamal4j.flows.Flow;

/** Builds, pushes and deploys the app with zero downtime ({@code kamal deploy}); bound to the deploy phase. */
@Mojo(name = "deploy", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DeployMojo extends AbstractDeployMojo {


    @Override
    protected Flow flow() {
        return ctx -> DeployFlow.deploy(ctx).rollout(rolloutOptions()).plan(rolloutPlan()).run(skipPush);
    }
}
