package org.kamal4j.flows.steps;

import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.build.BuildInputs;
import org.kamal4j.build.JibPlan;
import org.kamal4j.build.JibResult;
import org.kamal4j.build.RegistryAuth;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.Registry;
import org.kamal4j.flows.context.FlowContext;

/**
 * The build-and-push step for {@code builder.jib}: checks the project first (before the {@code pre-build} hook
 * and before anything is pulled), then builds and pushes in this JVM. No docker command runs on this machine, so
 * there is no local {@code docker login} either.
 */
final class JibBuildStep {

    private final FlowContext ctx;

    JibBuildStep(FlowContext ctx) {
        this.ctx = ctx;
    }

    void buildAndPush(DeployConfig config) throws FlowException, InterruptedException {
        BuildInputs inputs = ctx.buildInputs();
        JibPlan plan = JibPlan.of(config, inputs.project(), inputs.jib());
        ctx.hook("pre-build", config.version(), ctx.selection().hosts(), Map.of());
        ctx.output().info("  Building with Jib from " + plan.jib().from() + " for " + String.join(",",
                plan.platforms()) + (plan.mainClass() == null ? "" : ", main class " + plan.mainClass()));
        if (ctx.dryRun()) {
            ctx.output().info("  [dry run] Jib would push " + plan.target() + " and tag " + plan.extraTag());
            return;
        }
        long started = System.nanoTime();
        try {
            JibResult r = inputs.jib().load().build(plan, auth(config, inputs), ctx.output()::info);
            ctx.output().info(String.format("  Jib pushed %s (%s) in %.1f s: %d blob(s) uploaded (changed layers "
                    + "and the container configuration), %d found in the registry already", plan.target(),
                    r.digest(), (System.nanoTime() - started) / 1e9, r.blobsPushed(), r.blobsReused()));
        } catch (FlowException e) {
            throw new FlowException(ctx.output().redact(e.getMessage()), e);
        }
    }

    /**
     * settings.xml credentials for the registry's address win (Maven's place for push credentials); otherwise the
     * registry section's, as {@code docker login} would use; none for a local registry.
     */
    static RegistryAuth auth(DeployConfig config, BuildInputs inputs) {
        if (inputs.settingsAuth() != null) {
            return inputs.settingsAuth();
        }
        Registry r = config.registry();
        if (r.local() || r.username() == null || r.password() == null) {
            return null;
        }
        return new RegistryAuth(r.username().resolve(config.secrets()), r.password().resolve(config.secrets()));
    }
}
