package org.kamal4j.flows.steps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kamal4j.FlowException;
import org.kamal4j.build.DockerBuildCheck;
import org.kamal4j.commands.Command;
import org.kamal4j.commands.ImageCommands;
import org.kamal4j.commands.RegistryCommands;
import org.kamal4j.config.DeployConfig;
import org.kamal4j.config.SecretNotFoundException;
import org.kamal4j.flows.context.FlowContext;
import org.kamal4j.ssh.ExecResult;

/**
 * Builds the app image with the local docker CLI, tags it with the version and latest, and pushes both (the
 * {@code Build and push app image...} step). Builds from a clean git clone of HEAD ({@link CleanClone}) with
 * {@code docker build}, not buildx: see docs/compatibility.md.
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
            run("docker login", new RegistryCommands(config.registry(), config.secrets()).login(), Map.of());
        }
        ctx.hook("pre-build", config.version(), ctx.selection().hosts(), Map.of());
        Path dir = new CleanClone(ctx).buildDirectory(config.service(), config.builder());
        Command build = dir.equals(ctx.baseDir().toAbsolutePath().normalize()) ? images.build()
                : Command.of("cd", dir.toString()).and(images.build());
        Map<String, String> secrets = buildSecrets(config);
        Map<String, String> env = new LinkedHashMap<>(secrets);
        if (images.needsBuildKit()) {
            env.put("DOCKER_BUILDKIT", "1");
        }
        run("docker build", build.withSecrets(secrets.values()), env);
        run("docker push", images.push(), Map.of());
    }

    /**
     * Each {@code builder.secrets} name with its value from the secrets files. The build gets them through the docker
     * CLI's environment ({@code --secret id=NAME,env=NAME} reads them there), so no value is ever in argv; the
     * command carries them as secrets, so its output is redacted for them.
     */
    private static Map<String, String> buildSecrets(DeployConfig config) throws FlowException {
        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            config.builder().secrets().forEach(name -> secrets.put(name, config.secrets().get(name)));
        } catch (SecretNotFoundException e) {
            throw new FlowException("builder/secrets: " + e.getMessage() + "; add it to the secrets file", e);
        }
        return secrets;
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
        DockerBuildCheck.checkArch(config.builder().arch(), arch.stdout());
    }

    private void run(String what, Command command, Map<String, String> env) throws FlowException,
            InterruptedException {
        ExecResult r = ctx.local().run(command, env);
        if (!r.ok()) {
            List<String> lines = r.stdout().strip().lines().toList();
            String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
            throw new FlowException("Local `" + what + "` failed (exit status " + r.exitStatus() + "); fix it and "
                    + "deploy again, or deploy an image already in the registry with -Dkamal.skipPush\n"
                    + command.display() + "\n" + ctx.output().redact(tail) + buildxHint(r.stdout()));
        }
    }

    /** docker CLI 23+ needs the buildx plugin for any BuildKit build (secrets, ssh). */
    private static String buildxHint(String output) {
        return output.contains("buildx component") ? "\nbuilder/secrets and builder/ssh need a BuildKit build: "
                + "install the docker buildx plugin, or put a docker CLI older than 23 (Debian 12's /usr/bin/docker) "
                + "first on the PATH" : "";
    }
}
