package org.kamal4j.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.flows.DetailsFlow;
import org.kamal4j.runner.MultiHostException;

/** Shows the app and accessory containers on the hosts ({@code kamal details}). */
@Mojo(name = "details", requiresProject = false, threadSafe = true)
public class DetailsMojo extends AbstractFlowMojo {

    @Override
    protected String commandName() {
        return "details";
    }

    @Override
    protected void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        new DetailsFlow(ctx).run();
    }
}
