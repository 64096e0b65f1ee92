package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.LockFlow;

/** Removes the deploy lock, whoever holds it ({@code kamal lock release}). */
@Mojo(name = "lock-release", requiresProject = false, threadSafe = true)
public class LockReleaseMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new LockFlow(ctx).release();
    }
}
