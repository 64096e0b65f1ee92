package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Stops the accessory's container ({@code kamal accessory stop}). */
@Mojo(name = "accessory-stop", requiresProject = false, threadSafe = true)
public class AccessoryStopMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException {
        flows.stop(selected);
    }
}
