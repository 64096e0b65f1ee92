package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.RollbackFlow;
import org.kamal4j.runner.MultiHostException;

/** Boots an earlier version again from its container image ({@code kamal rollback VERSION}); needs -Dkamal.version. */
@Mojo(name = "rollback", requiresProject = false, threadSafe = true)
public class RollbackMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "rollback";
    }

    @Override
    protected boolean versionRequired() {
        return true;
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        if (version == null || version.isBlank()) {
            throw new MojoFailureException("kamal:rollback needs the version to roll back to: -Dkamal.version=<version>");
        }
        new RollbackFlow(ctx).run(version);
    }
}
