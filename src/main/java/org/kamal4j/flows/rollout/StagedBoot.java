package org.kamal4j.flows.rollout;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kamal4j.FlowException;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.RoleVersions;
import org.kamal4j.runner.MultiHostException;

/**
 * The deploy's boot as a {@link RolloutPlan} stages it: stale containers stopped, then the {@link Canary} (when
 * asked for), then every other (host, role) in boot groups within the failure budget. Without a plan this is
 * exactly Kamal's boot.
 */
public final class StagedBoot {

    private final FlowContext ctx;
    private final RolloutPlan plan;
    private final Canary canary;

    /**
     * @param revert whether a failed deploy switches hosts back ({@code kamal.revert}), for the canary's error
     * @throws FlowException when the plan does not fit the selection (a canary without primary-role hosts)
     */
    public StagedBoot(FlowContext ctx, RolloutPlan plan, boolean revert) throws FlowException {
        this.ctx = ctx;
        this.plan = plan;
        this.canary = new Canary(ctx, plan, revert);
    }

    /** Boots {@code config.version()}; the caller's {@link Rollout} handles a failure. */
    public void run(DeploySteps steps, DeployConfig config, BootReport report) throws MultiHostException,
            FlowException, InterruptedException {
        Map<String, RoleVersions> current = steps.stopStaleContainers(config);
        List<String> appHosts = ctx.selection().appHosts();
        DeploySteps.Stage rest = new DeploySteps.Stage(appHosts, ctx.selection()::roleNamesOn, false, true,
                plan.budget(appHosts.size()));
        if (!canary.hosts().isEmpty()) {
            canary.run(steps, config, current, report);
            rest = afterCanary(rest);
            if (rest.hosts().isEmpty()) {
                ctx.output().info("Canary passed; it covered every selected host and role");
                return;
            }
            ctx.output().info("Canary passed; booting the other " + rest.hosts().size() + " host(s)");
        }
        steps.boot(config, current, report, rest);
    }

    /** The hosts and roles left once the canary booted the primary role on its hosts. */
    private DeploySteps.Stage afterCanary(DeploySteps.Stage all) {
        String primary = ctx.selection().primaryRole();
        Function<String, List<String>> rolesOn = h -> canary.hosts().contains(h)
                ? all.rolesOn().apply(h).stream().filter(r -> !r.equals(primary)).toList()
                : all.rolesOn().apply(h);
        List<String> hosts = all.hosts().stream().filter(h -> !rolesOn.apply(h).isEmpty()).toList();
        return new DeploySteps.Stage(hosts, rolesOn, true, false, all.budget());
    }
}
