package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.LockFlows;
import org.kamal4j.runner.MultiHostException;

/** Removes the deploy lock, whoever holds it ({@code kamal lock release}). */
@Mojo(name = "lock-release", requiresProject = false, threadSafe = true)
public class LockReleaseMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "lock";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        new LockFlows(ctx).release();
    }
}
