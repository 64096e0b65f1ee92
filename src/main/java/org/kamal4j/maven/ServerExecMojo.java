package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.Flow;
import org.kamal4j.flows.ServerExecFlow;

/** Runs a shell command on every selected host ({@code kamal server exec}). */
@Mojo(name = "server-exec", requiresProject = false, threadSafe = true)
public class ServerExecMojo extends AbstractShellCommandMojo {

    @Override
    protected Flow flow() {
        return ctx -> new ServerExecFlow(ctx).run(command);
    }
}
