package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Pulls the accessory's image, replaces its container, keeps its data ({@code kamal accessory reboot}). */
@Mojo(name = "accessory-reboot", requiresProject = false, threadSafe = true)
public class AccessoryRebootMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException {
        flows.reboot(selected);
    }
}
