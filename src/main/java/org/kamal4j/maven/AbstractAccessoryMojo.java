package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.Flow;

/** The {@code kamal:accessory-*} goals: one accessory ({@code -Dkamal.accessory=db}) or {@code all}. */
public abstract class AbstractAccessoryMojo extends AbstractFlowMojo {

    /** The accessory's name, or {@code all} where the goal allows it ({@code NAME}). */
    @Parameter(property = "kamal.accessory")
    protected String accessory;


    /** Whether {@code all} is accepted (Kamal: boot, reboot, details, remove, start, stop, restart). */
    protected boolean allowsAll() {
        return true;
    }

    /** Checks the accessory name (an unknown one fails listing the known ones, before any connection), then runs. */
    @Override
    protected final Flow flow() {
        return ctx -> run(new AccessoryFlows(ctx), AccessoryFlows.select(ctx.config(), accessory, allowsAll()));
    }

    /** Runs the goal on the selected accessories. */
    protected abstract void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException;
}
