package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.RollbackFlow;
import org.kamal4j.flows.rollout.RolloutOptions;

/**
 * Boots an earlier version again from its container image ({@code kamal rollback VERSION}): {@code -Dkamal.version},
 * or without it the version every selected host ran before the current one.
 */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends AbstractFlowMojo {

    @Override
    protected Flow flow() {
        // only an explicit -Dkamal.version counts: the configuration's default (VERSION, git HEAD) is what runs now
        return ctx -> new RollbackFlow(ctx).reports(new RolloutOptions(false, reportDir().resolve(
                RolloutOptions.REPORT_NAME))).run(version);
    }

    @Override
    protected boolean reportedByWiring() {
        return false; // the flow writes its boot report itself
    }
}
