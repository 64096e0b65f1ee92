package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Shows {@code docker ps} of the accessory per host ({@code kamal accessory details}). */
@Mojo(name = "accessory-details", requiresProject = false, threadSafe = true)
public class AccessoryDetailsMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException {
        flows.details(selected);
    }
}
