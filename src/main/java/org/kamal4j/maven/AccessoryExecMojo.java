package org.kamal4j.maven;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.kamal4j.flows.AccessoryFlows;
import org.kamal4j.flows.Flow;

/** Runs a command in the accessory's image or container ({@code kamal accessory exec NAME CMD}). */
@Mojo(name = "accessory-exec", requiresProject = false, threadSafe = true)
public class AccessoryExecMojo extends AbstractExecMojo {

    /** The accessory's name ({@code NAME}; {@code all} is not accepted here). */
    @Parameter(property = "kamal.accessory")
    protected String accessory;


    @Override
    protected Flow flow() {
        return ctx -> new AccessoryFlows(ctx).exec(AccessoryFlows.one(ctx.config(), accessory), command, reuse,
                interactive);
    }
}
