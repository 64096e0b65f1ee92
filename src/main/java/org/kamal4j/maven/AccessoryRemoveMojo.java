package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Removes the accessory's container, image and data directories ({@code kamal accessory remove -y}). */
@Mojo(name = "accessory-remove", requiresProject = false, threadSafe = true)
public class AccessoryRemoveMojo extends AbstractAccessoryMojo {

    /** Must be true: this deletes the accessory's data and Maven cannot ask ({@code -y}). */
    @Parameter(property = "kamal.confirmed", defaultValue = "false")
    protected boolean confirmed;

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException, InterruptedException {
        flows.removeConfirmed(selected, confirmed);
    }
}
