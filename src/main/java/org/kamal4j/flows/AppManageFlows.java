package org.kamal4j.flows;

import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.FlowException;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.BootReport;
import java.util.Map;
import org.kamal4j.runner.MultiHostException;

/** The locked {@code kamal:app-*} goals that change containers: boot and stopping stale containers. */
public final class AppManageFlows {

    private final FlowContext ctx;

    public AppManageFlows(FlowContext ctx) {
        this.ctx = ctx;
    }

    /**
     * {@code app boot}: under the lock, boots the configured version group by group exactly as step 7 of deploy
     * (barrier, app-boot hooks, tag latest), without building or pulling first.
     */
    public BootReport boot() throws FlowException, MultiHostException, InterruptedException {
        DeploySteps steps = new DeploySteps(ctx);
        BootReport report = new BootReport();
        ctx.output().info("Start container with version " + ctx.config().version()
                + " (or reboot if already running)...");
        try {
            new ProxyFlow(ctx).locked(() -> {
                steps.boot(ctx.config(), Map.of(), report);
                steps.finish(ctx.config(), false);
            });
        } finally {
            steps.summary(report);
        }
        return report;
    }

    /** {@code app stale_containers --stop}: under the lock, stops running containers other than the current. */
    public void stopStaleContainers() throws FlowException, MultiHostException, InterruptedException {
        new ProxyFlow(ctx).locked(() -> new DeploySteps(ctx).stopStaleContainers(ctx.config()));
    }
}
