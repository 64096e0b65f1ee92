package org.kamal4j.maven;

import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.rollout.RolloutOptions;

/** What {@code kamal:deploy} and {@code kamal:redeploy} share: skipping the push and the rollout policy. */
public abstract class AbstractDeployMojo extends AbstractFlowMojo {

    /** Deploy the image already in the registry instead of building and pushing it ({@code -P}). */
    @Parameter(property = "kamal.skipPush", defaultValue = "false")
    protected boolean skipPush;

    /**
     * When the boot fails, switch the hosts that already run the new version back to the one they ran before;
     * false keeps Kamal's behaviour (a split fleet).
     */
    @Parameter(property = "kamal.revert", defaultValue = "true")
    protected boolean revert;

    @Override
    protected boolean versionRequired() {
        return true;
    }

    /**
     * The rollout policy; the report goes to {@code target/kamal/} of a Maven project, else (a goal run without a
     * pom) to {@code .kamal/} of the directory the goal runs in.
     */
    protected RolloutOptions rolloutOptions() {
        boolean inProject = project != null && project.getFile() != null && project.getBuild() != null;
        return new RolloutOptions(revert, inProject ? Path.of(project.getBuild().getDirectory(), "kamal",
                RolloutOptions.REPORT_NAME) : null);
    }
}
