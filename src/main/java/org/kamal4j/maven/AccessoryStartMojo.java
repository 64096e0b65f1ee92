package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Starts the accessory's container ({@code kamal accessory start}). */
@Mojo(name = "accessory-start", requiresProject = false, threadSafe = true)
public class AccessoryStartMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected, FlowContext ctx) throws FlowException,
            MultiHostException, InterruptedException {
        flows.start(selected);
    }
}
