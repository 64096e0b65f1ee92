package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.Flow;

/** Shows (or follows) one accessory's logs on its hosts ({@code kamal accessory logs NAME}). */
@Mojo(name = "accessory-logs", requiresProject = false, threadSafe = true)
public class AccessoryLogsMojo extends AbstractLogsMojo {

    /** The accessory's name ({@code NAME}). */
    @Parameter(property = "kamal.accessory")
    protected String accessory;


    @Override
    protected Flow flow() {
        return ctx -> new AccessoryFlows(ctx).logs(AccessoryFlows.one(ctx.config(), accessory), logOptions());
    }
}
