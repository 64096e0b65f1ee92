package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.LockFlow;

/** Shows who holds the deploy lock ({@code kamal lock status}). */
@Mojo(name = "lock-status", requiresProject = false, threadSafe = true)
public class LockStatusMojo extends AbstractFlowMojo {


    @Override
    protected Flow flow() {
        return ctx -> new LockFlow(ctx).status();
    }
}
