package org.kamal4j.maven;

import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.ImageBuild;

/** Builds the app image and pushes it to the registry, touching no host ({@code kamal build push}). */
@Mojo(name = "build-push", requiresProject = false, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildPushMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "build";
    }

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, InterruptedException {
        ctx.hook("pre-connect", ctx.config().version(), ctx.selection().hosts(), Map.of());
        new ImageBuild(ctx).buildAndPush(ctx.config());
    }
}
