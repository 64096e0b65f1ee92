package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Starts the accessory's container ({@code kamal accessory start}). */
@Mojo(name = "accessory-start", requiresProject = false, threadSafe = true)
public class AccessoryStartMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException {
        flows.start(selected);
    }
}
