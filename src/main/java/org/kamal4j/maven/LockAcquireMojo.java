package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.LockFlow;

/** Takes the deploy lock with a message and keeps it ({@code kamal lock acquire -m}). */
@Mojo(name = "lock-acquire", requiresProject = false, threadSafe = true)
public class LockAcquireMojo extends AbstractFlowMojo {

    /** Why the lock is taken; shown to whoever finds it. */
    @Parameter(property = "kamal.message")
    protected String message;


    @Override
    protected Flow flow() {
        return ctx -> new LockFlow(ctx).acquire(message);
    }
}
