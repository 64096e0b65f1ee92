package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.SetupFlow;

/** First-time setup ({@code kamal setup}): Docker on every host, accessories, then a full deploy. */
@Mojo(name = "setup", requiresProject = false, threadSafe = true,
        requiresDependencyResolution = ResolutionScope.RUNTIME)
public class SetupMojo extends AbstractFlowMojo {

    /** Deploy the image already in the registry instead of building and pushing it ({@code -P}). */
    @Parameter(property = "kamal.skipPush", defaultValue = "false")
    protected boolean skipPush;


    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected Flow flow() {
        return ctx -> new SetupFlow(ctx).run(skipPush);
    }
}
