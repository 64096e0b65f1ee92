package org.kamal4j.maven;

import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.FlowException;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.flows.rollout.RolloutPlan;

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

    /**
     * Failed hosts the rollout goes on past: a count ({@code 1}) or a percentage of the selected app hosts
     * ({@code 10%}, rounded down); once more hosts failed it stops (and reverts). 0 is Kamal's behaviour.
     */
    @Parameter(property = "kamal.maxFailures", defaultValue = "0")
    protected String maxFailures;

    /**
     * Hosts of the primary role booted and checked before any other host: a count ({@code 1}) or a percentage of
     * the primary role's selected hosts ({@code 10%}, rounded up); 0: no canary.
     */
    @Parameter(property = "kamal.canary", defaultValue = "0")
    protected String canary;

    /** A shell command run on each canary host after the wait; exit 0 passes (KAMAL_CONTAINER names the container). */
    @Parameter(property = "kamal.canaryCheck")
    protected String canaryCheck;

    /** A URL fetched from this machine for each canary host after the wait ({@code {host}} is the host). */
    @Parameter(property = "kamal.canaryUrl")
    protected String canaryUrl;

    /** The HTTP status {@code canaryUrl} must answer. */
    @Parameter(property = "kamal.canaryStatus", defaultValue = "200")
    protected int canaryStatus = 200;

    /** Seconds the canary runs before it is checked and the rest of the fleet boots. */
    @Parameter(property = "kamal.canaryWait", defaultValue = "0")
    protected int canaryWait;

    @Override
    protected boolean versionRequired() {
        return true;
    }

    /** The staged boot (canary, failure budget); a bad value fails the goal before anything connects. */
    protected RolloutPlan rolloutPlan() throws FlowException {
        return RolloutPlan.of(maxFailures, canary, canaryCheck, canaryUrl, canaryStatus, canaryWait);
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
