package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.RollbackFlow;

/** Boots an earlier version again from its container image ({@code kamal rollback VERSION}); needs -Dkamal.version. */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends AbstractFlowMojo {


    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected Flow flow() throws MojoFailureException {
        if (version == null || version.isBlank()) {
            throw new MojoFailureException("kamal:rollback needs the version to roll back to: -Dkamal.version=<version>");
        }
        return ctx -> new RollbackFlow(ctx).run(version);
    }
}
