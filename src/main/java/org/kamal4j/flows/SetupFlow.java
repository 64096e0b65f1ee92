package org.kamal4j.flows;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.commands.LockCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.flows.steps.AccessoryBoot;
import org.kamal4j.flows.steps.BootReport;
import org.kamal4j.flows.steps.DeployLock;
import org.kamal4j.flows.steps.DeploySteps;
import org.kamal4j.flows.steps.DockerBootstrap;
import org.kamal4j.flows.steps.ImageBuild;
import org.kamal4j.flows.steps.ProxyBoot;
import org.kamal4j.runner.MultiHostException;

/**
 * {@code kamal:setup}: under one lock taken first, Docker on every host, the {@code docker-setup} hook, build
 * and push, pull (with registry login), {@code pre-deploy}, kamal-proxy, accessories, stale containers, boot, prune
 * and {@code post-deploy}; the lock is released last, on every path.
 */
public final class SetupFlow {

    private final FlowContext ctx;

    public SetupFlow(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Runs setup; {@code skipPush} deploys the image already in the registry. */
    public BootReport run(boolean skipPush) throws FlowException, MultiHostException, InterruptedException {
        long started = System.nanoTime();
        DeployConfig config = ctx.config();
        AccessoryBoot.requireNoProxy(config);
        ctx.hook("pre-connect", config.version(), ctx.selection().hosts(), Map.of());
        DeploySteps steps = new DeploySteps(ctx);
        BootReport report = new BootReport();
        DeployLock lock = new DeployLock(ctx);
        ctx.stop().settles();
        lock.acquire(LockCommands.AUTOMATIC_MESSAGE, config.version());
        try {
            new DockerBootstrap(ctx).run();
            ctx.hook("docker-setup", config.version(), ctx.selection().hosts(), Map.of());
            if (!skipPush) {
                new ImageBuild(ctx).buildAndPush(config);
            }
            steps.pull(config);
            ctx.hook("pre-deploy", config.version(), ctx.selection().hosts(), Map.of());
            new ProxyBoot(ctx).pulledOn(ctx.selection().appHosts()).run();
            new AccessoryBoot(ctx).bootAll();
            steps.boot(config, steps.stopStaleContainers(config), report);
            steps.finish(config, true);
            ctx.hook("post-deploy", config.version(), ctx.selection().hosts(), Map.of("KAMAL_RUNTIME",
                    String.valueOf(Math.round((System.nanoTime() - started) / 1e9))));
        } finally {
            lock.end(config);
            steps.summary(report);
        }
        ctx.output().info(String.format("  Finished all in %.1f seconds", (System.nanoTime() - started) / 1e9));
        return report;
    }
}
