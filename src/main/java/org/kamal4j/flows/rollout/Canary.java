package org.kamal4j.flows.rollout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.RoleVersions;
import org.kamal4j.runner.FailureBudget;
import org.kamal4j.runner.MultiHostException;

/**
 * The canary stage ({@code kamal.canary}): the primary role boots on the first canary hosts (in boot order) as
 * every boot does, waits {@code kamal.canaryWait} seconds, then each canary host is checked ({@link CanaryCheck}).
 * Only when all of them pass does the rest of the fleet boot. A failed canary is a {@link Failed} error listing each
 * canary host that failed; the deploy's rollout then switches the canary hosts back ({@link Rollout}) and no other
 * host is touched.
 */
public final class Canary {

    /** A canary that failed: the heading says what happens to the canary hosts and that no other host was deployed. */
    public static final class Failed extends MultiHostException {
        private static final long serialVersionUID = 1L;

        Failed(String heading, List<Failure> failures) {
            super(heading, failures);
        }
    }

    private final FlowContext ctx;
    private final RolloutPlan plan;
    private final boolean revert;
    private final List<String> hosts;

    /**
     * @param revert whether a failed canary is switched back ({@code kamal.revert}), for the error's wording
     * @throws FlowException when a canary is asked for but no primary-role host is selected
     */
    public Canary(FlowContext ctx, RolloutPlan plan, boolean revert) throws FlowException {
        this.ctx = ctx;
        this.plan = plan;
        this.revert = revert;
        this.hosts = plan.hasCanary() ? choose() : List.of();
    }

    /** The canary hosts, in boot order; empty without a canary. */
    public List<String> hosts() {
        return hosts;
    }

    private List<String> choose() throws FlowException {
        String primary = ctx.selection().primaryRole();
        List<String> candidates = ctx.selection().appHosts().stream()
                .filter(h -> ctx.selection().roleNamesOn(h).contains(primary)).toList();
        if (candidates.isEmpty()) {
            throw new FlowException("-Dkamal.canary=" + plan.canary() + ": no host of the primary role " + primary
                    + " is selected, so there is nothing to boot first; select " + primary + " or drop the canary");
        }
        int n = Math.max(1, plan.canary().of(candidates.size(), true));
        return List.copyOf(candidates.subList(0, n));
    }

    /**
     * Boots the primary role on the canary hosts, waits, checks them.
     *
     * @throws Failed when a canary host fails to boot or a check fails
     */
    public void run(DeploySteps steps, DeployConfig config, Map<String, RoleVersions> current, BootReport report)
            throws Failed, FlowException, InterruptedException {
        String primary = ctx.selection().primaryRole();
        ctx.output().info("Canary: booting " + primary + " " + config.version() + " on " + String.join(", ", hosts)
                + " first (-Dkamal.canary=" + plan.canary() + ")");
        try {
            steps.boot(config, current, report, new DeploySteps.Stage(hosts, h -> List.of(primary), false, true,
                    FailureBudget.none()));
        } catch (MultiHostException e) {
            throw failed(e.failures());
        }
        if (plan.canaryWaitSeconds() > 0) {
            ctx.output().info("Canary: " + primary + " " + config.version() + " runs on " + String.join(", ", hosts)
                    + "; waiting " + plan.canaryWaitSeconds() + " s before checking it (-Dkamal.canaryWait)");
            ctx.sleeper().sleep(Duration.ofSeconds(plan.canaryWaitSeconds()));
        }
        ctx.stop().check("checking the canary");
        check(config);
    }

    private void check(DeployConfig config) throws Failed, InterruptedException {
        if (ctx.dryRun()) {
            ctx.output().info("Dry run: not checking the canary");
            return;
        }
        CanaryCheck checks = new CanaryCheck(ctx, config, plan);
        String primary = ctx.selection().primaryRole();
        try {
            ctx.on(hosts, (host, s) -> ctx.output().info(host, "Canary passed on " + host + ": "
                    + checks.check(host, s)));
        } catch (MultiHostException e) {
            List<MultiHostException.Failure> failures = new ArrayList<>();
            e.failures().forEach(f -> failures.add(new MultiHostException.Failure(primary + " on " + f.label(),
                    f.cause())));
            throw failed(failures);
        }
    }

    private Failed failed(List<MultiHostException.Failure> failures) {
        String after = revert ? "the canary hosts that switched are switched back to the version they ran before"
                : "the canary hosts keep the new version (-Dkamal.revert=false)";
        return new Failed("The canary failed (-Dkamal.canary=" + plan.canary() + ": " + String.join(", ", hosts)
                + "): " + after + "; no other host was deployed", failures);
    }
}
