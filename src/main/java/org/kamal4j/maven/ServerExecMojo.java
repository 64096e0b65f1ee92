package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.ServerExecFlow;
import org.kamal4j.runner.MultiHostException;

/** Runs a shell command on every selected host ({@code kamal server exec}). */
@Mojo(name = "server-exec", requiresProject = false, threadSafe = true)
public class ServerExecMojo extends AbstractFlowMojo {

    /** The shell command to run, as written. */
    @Parameter(property = "kamal.command")
    protected String command;

    @Override
    protected String commandName() {
        return "server";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        new ServerExecFlow(ctx).run(command);
    }
}
