package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.FlowContext;
import org.kamal4j.flows.FlowException;
import org.kamal4j.runner.MultiHostException;

/** Pulls the accessory's image, replaces its container, keeps its data ({@code kamal accessory reboot}). */
@Mojo(name = "accessory-reboot", requiresProject = false, threadSafe = true)
public class AccessoryRebootMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected, FlowContext ctx) throws FlowException,
            MultiHostException, InterruptedException {
        flows.reboot(selected);
    }
}
