package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** The {@code kamal:accessory-*} goals: one accessory ({@code -Dkamal.accessory=db}) or {@code all}. */
public abstract class AbstractAccessoryMojo extends AbstractFlowMojo {

    /** The accessory's name, or {@code all} where the goal allows it ({@code NAME}). */
    @Parameter(property = "kamal.accessory")
    protected String accessory;

    @Override
    protected String commandName() {
        return "accessory";
    }

    /** Whether {@code all} is accepted (Kamal: boot, reboot, details, remove, start, stop, restart). */
    protected boolean allowsAll() {
        return true;
    }

    @Override
    protected final void runFlow(FlowContext ctx) throws FlowException, MultiHostException, InterruptedException,
            MojoFailureException {
        List<Accessory> selected = AccessoryFlows.select(ctx.config(), accessory, allowsAll());
        run(new AccessoryFlows(ctx), selected, ctx);
    }

    /** Runs the goal on the selected accessories (checked, before any connection). */
    protected abstract void run(AccessoryFlows flows, List<Accessory> selected, FlowContext ctx)
            throws FlowException, MultiHostException, InterruptedException, MojoFailureException;
}
