package org.kamal4j.flows;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.ImageBuild;

/** {@code kamal build push}: the {@code pre-connect} hook, then build and push the image, touching no host. */
public final class BuildFlow {

    private final FlowContext ctx;

    public BuildFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    public void push() throws FlowException, InterruptedException {
        ctx.hook("pre-connect", ctx.config().version(), ctx.selection().hosts(), Map.of());
        new ImageBuild(ctx).buildAndPush(ctx.config());
    }
}
