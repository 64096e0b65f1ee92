package org.kamal4j.flows.steps;

import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.build.BuildException;
import org.kamal4j.build.DockerBuildCheck;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ImageCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.ExecResult;

/**
 * Builds the app image with the local docker CLI, tags it with the version and latest, and pushes both (the
 * {@code Build and push app image...} step). Runs in the project directory with {@code docker build}, not
 * buildx: see docs/compatibility.md.
 */
public final class ImageBuild {

    /** How many lines of a failed local command the error shows. */
    static final int TAIL = 30;

    private final FlowContext ctx;

    public ImageBuild(FlowContext ctx) {
        this.ctx = ctx;
    }

    /** Login (unless the registry is local), {@code pre-build} hook, build, push; or all of it with Jib. */
    public void buildAndPush(DeployConfig config) throws FlowException, InterruptedException {
        ctx.output().info("Build and push app image " + config.absoluteImage() + "...");
        if (config.builder().jib() != null) {
            new JibBuildStep(ctx).buildAndPush(config);
            return;
        }
        ImageCommands images = new ImageCommands(config);
        checkBuilder(config, images);
        if (!config.registry().local()) {
            run("docker login", new RegistryCommands(config.registry(), config.secrets()).login());
        }
        ctx.hook("pre-build", config.version(), ctx.selection().hosts(), Map.of());
        run("docker build", images.build());
        run("docker push", images.push());
    }

    /** Before login and build: unused builder keys are named, a foreign arch stops the deploy. */
    private void checkBuilder(DeployConfig config, ImageCommands images) throws FlowException,
            InterruptedException {
        DockerBuildCheck.unusedKeys(config.builder()).forEach(w -> ctx.output().warn(w));
        if (ctx.dryRun()) {
            return;
        }
        ExecResult arch = ctx.local().run(images.localArch(), Map.of());
        if (!arch.ok() || arch.stdout().isBlank()) {
            throw new FlowException("Cannot ask the local Docker daemon for its architecture (docker version); is "
                    + "Docker running and DOCKER_HOST right?\n" + ctx.output().redact(arch.stdout().strip()));
        }
        try {
            DockerBuildCheck.checkArch(config.builder().arch(), arch.stdout());
        } catch (BuildException e) {
            throw new FlowException(e.getMessage(), e);
        }
    }

    private void run(String what, Command command) throws FlowException, InterruptedException {
        ExecResult r = ctx.local().run(command, Map.of());
        if (!r.ok()) {
            List<String> lines = r.stdout().strip().lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
            throw new FlowException("Local `" + what + "` failed (exit status " + r.exitStatus() + "); fix it and "
                    + "deploy again, or deploy an image already in the registry with -Dkamal.skipPush\n"
                    + command.display() + "\n" + ctx.output().redact(tail));
        }
    }
}
