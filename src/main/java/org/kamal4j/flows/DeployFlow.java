package org.kamal4j.flows;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.rollout.Rollout;
import org.kamal4j.flows.rollout.RolloutOptions;
import org.kamal4j.flows.rollout.RolloutPlan;
import org.kamal4j.flows.rollout.StagedBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.ImageBuild;
import org.kamal4j.flows.steps.ProxyBoot;
import org.kamal4j.runner.MultiHostException;

/**
 * {@code kamal:deploy} and {@code kamal:redeploy}: build and push (or use the registry's image), take the lock,
 * pull on the app hosts, {@code pre-deploy}, make sure kamal-proxy runs (deploy only), stop stale
 * containers, boot group by group, tag latest, prune (deploy only), release the lock, {@code post-deploy}. The lock
 * is released on every path; after Ctrl-C it is released last, once every host is on one version, and each host's
 * state is printed ({@link org.kamal4j.flows.context.StopOnInterrupt}).
 */
public final class DeployFlow {

    private final FlowContext ctx;
    private final boolean prune;
    private RolloutOptions rollout = RolloutOptions.defaults();
    private RolloutPlan plan = RolloutPlan.none();

    private DeployFlow(FlowContext ctx, boolean prune) {
        this.ctx = ctx;
        this.prune = prune;
    }

    /** The full deploy, pruning at the end. */
    public static DeployFlow deploy(FlowContext ctx) {
        return new DeployFlow(ctx, true);
    }

    /** The redeploy: the same without pruning. */
    public static DeployFlow redeploy(FlowContext ctx) {
        return new DeployFlow(ctx, false);
    }

    /** Sets the rollout policy: revert on failure, where the report goes ({@link RolloutOptions#defaults()}). */
    public DeployFlow rollout(RolloutOptions options) {
        this.rollout = options;
        return this;
    }

    /** Sets the staged boot: a canary first, a failure budget ({@link RolloutPlan#none()}: Kamal's boot). */
    public DeployFlow plan(RolloutPlan plan) {
        this.plan = plan;
        return this;
    }

    /**
     * Runs the flow.
     *
     * @param skipPush true to deploy the image already in the registry instead of building it
     */
    public BootReport run(boolean skipPush) throws FlowException, MultiHostException, InterruptedException {
        long started = System.nanoTime();
        DeployConfig config = ctx.config();
        ctx.stop().settles();
        DeploySteps steps = new DeploySteps(ctx);
        BootReport report = new BootReport();
        Rollout policy = new Rollout(ctx, rollout);
        StagedBoot staged = new StagedBoot(ctx, plan, rollout.revert());
        DeployLock lock = new DeployLock(ctx);
        try {
            ctx.hook("pre-connect", config.version(), ctx.selection().hosts(), Map.of());
            if (!skipPush) {
                new ImageBuild(ctx).buildAndPush(config);
            }
            // The lock before the pull (Kamal takes it after): a refused deploy has pulled nothing, and the pull's
            // command can then also ask each host what runs (one round trip less per host), unless a pre-deploy
            // hook runs in between and might change it. The pull's audit record makes .kamal on the app hosts.
            lock.runDirectoryMadeOn(ctx.selection().appHosts());
            if (!skipPush) {
                lock.alreadyDone("only the image " + config.absoluteImage() + " was built and pushed (with "
                        + config.latestImage() + "), nothing else was changed");
            }
            ctx.stop().check("taking the deploy lock");
            lock.acquire(LockCommands.AUTOMATIC_MESSAGE, config.version());
            steps.pull(config, !ctx.hooks().exists("pre-deploy"));
            ctx.hook("pre-deploy", config.version(), ctx.selection().hosts(), Map.of());
            if (prune) {
                // redeploy skips the proxy boot as it skips pruning, as Kamal does
                new ProxyBoot(ctx).pulledOn(ctx.selection().appHosts()).run();
            }
            policy.boot(config, report, () -> staged.run(steps, config, report));
            steps.finish(config, prune);
        } catch (Exception e) {
            policy.failed(e);
            throw e;
        } finally {
            lock.end(config);
            steps.summary(report);
            policy.writeReport(config, report);
        }
        ctx.hook("post-deploy", config.version(), ctx.selection().hosts(), Map.of("KAMAL_RUNTIME",
                String.valueOf(Math.round((System.nanoTime() - started) / 1e9))));
        ctx.output().info(String.format("  Finished all in %.1f seconds", (System.nanoTime() - started) / 1e9));
        policy.printReportPath();
        return report;
    }
}
