package org.kamal4j.maven;

import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.kamal4j.KamalException;
import org.kamal4j.config.Accessory;
import org.kamal4j.flows.AccessoryFlows;

/** Boots the accessory where it has no container yet ({@code kamal accessory boot NAME|all}). */
@Mojo(name = "accessory-boot", requiresProject = false, threadSafe = true)
public class AccessoryBootMojo extends AbstractAccessoryMojo {

    @Override
    protected void run(AccessoryFlows flows, List<Accessory> selected) throws KamalException,
            InterruptedException {
        flows.boot(selected);
    }
}
